/**
 * A real Mosquitto (Debian package) started by the test, with a WebSocket listener on a free port
 * of 127.0.0.1; it can be killed and started again on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOSQUITTO } from './system-tool';
import { freePort, sleep } from './ports';

export interface MosquittoBroker {
  readonly wsUrl: string;
  readonly tcpUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Ports are chosen before Mosquitto binds them, so another test worker could take one in between:
 * try again with fresh ports a couple of times before giving up.
 */
export async function startMosquitto(): Promise<MosquittoBroker> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startMosquittoOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startMosquittoOnce(): Promise<MosquittoBroker> {
  const wsPort = await freePort();
  // Mosquitto 2.0.x refuses to start with only a websockets listener: add a TCP one beside it.
  const tcpPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-blocks-mosquitto-'));
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [`listener ${tcpPort} 127.0.0.1`, `listener ${wsPort} 127.0.0.1`, 'protocol websockets', 'allow_anonymous true', 'persistence false', ''].join('\n'),
  );
  let child: ChildProcess | null = null;
  let output = '';

  async function start(): Promise<void> {
    const proc = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (chunk) => (output += chunk));
    proc.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`mosquitto exited with ${proc.exitCode}: ${output}`);
      if (await portAnswers(wsPort)) return;
      await sleep(50);
    }
    throw new Error(`mosquitto did not open port ${wsPort} within 10 s: ${output}`);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    await exited;
  }

  try {
    await start();
  } catch (error) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}/mqtt`,
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
