/**
 * Where a bound is promised, the server's memory is measured: the classroom server runs as its own
 * process (the real `mqtt-blocks serve`), is attacked the ways the issue describes, and its
 * resident memory is sampled from /proc the whole time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { connectPacket, headerOnly, subscribePacket } from '../support/raw-mqtt';
import { sleep } from '../support/ports';
import { withTimeout } from './helpers';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'mqtt-blocks.js');

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Served {
  child: ChildProcess;
  httpPort: number;
  tcpPort: number;
}

async function serve(): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--http-port', '0', '--tcp-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20000;
  while (!output.includes('Press Ctrl-C')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start:\n${output}`);
    await sleep(50);
  }
  const httpPort = Number(/ws:\/\/localhost:(\d+)\/mqtt/.exec(output)?.[1]);
  const tcpPort = Number(/mqtt:\/\/localhost:(\d+)/.exec(output)?.[1]);
  return { child, httpPort, tcpPort };
}

/** Samples the process's memory every 50 ms while `work` runs; returns the peak in MB. */
async function peakWhile(pid: number, work: () => Promise<void>): Promise<number> {
  let peak = residentMegabytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentMegabytes(pid));
    } catch {
      // the process ended
    }
  }, 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, residentMegabytes(pid));
}

const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

describeOnLinux('server memory stays bounded (measured in its own process)', () => {
  let served: Served;
  const cleanup: Array<() => void> = [];

  beforeAll(async () => {
    served = await serve();
  }, 30000);

  afterEach(() => {
    for (const undo of cleanup.splice(0)) undo();
  });

  afterAll(async () => {
    served.child.kill('SIGKILL');
    await new Promise((resolve) => served.child.once('exit', resolve));
  });

  test('four 200 MB CONNECTs streamed without a password (TCP and WebSocket) are closed early', async () => {
    const { child, tcpPort, httpPort } = served;
    const baseline = residentMegabytes(child.pid!);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const stream = async (socketWrite: (data: Buffer) => boolean, isOpen: () => boolean): Promise<number> => {
      let sent = 0;
      socketWrite(headerOnly(0x10, 200 * 1024 * 1024 - 5));
      while (isOpen() && sent < 200) {
        socketWrite(chunk);
        sent += 1;
        await sleep(2);
      }
      return sent;
    };
    const peak = await peakWhile(child.pid!, async () => {
      const attacks = [0, 1].map(async () => {
        const socket = net.connect(tcpPort, '127.0.0.1');
        socket.on('error', () => {});
        cleanup.push(() => socket.destroy());
        await new Promise((resolve) => socket.once('connect', resolve));
        return stream((data) => socket.write(data), () => !socket.destroyed && socket.writable);
      });
      const wsAttacks = [0, 1].map(async () => {
        const ws = new WebSocket(`ws://127.0.0.1:${httpPort}/mqtt`, 'mqtt');
        ws.on('error', () => {});
        cleanup.push(() => ws.terminate());
        await new Promise((resolve) => ws.once('open', resolve));
        return stream((data) => {
          ws.send(data);
          return true;
        }, () => ws.readyState === WebSocket.OPEN);
      });
      const sent = await Promise.all([...attacks, ...wsAttacks]);
      // Each was cut off long before its 200 MB.
      for (const megabytes of sent) expect(megabytes).toBeLessThan(200);
    });
    expect(peak - baseline).toBeLessThan(150);
  }, 60000);

  test('a stuck subscriber to # while 1 MB messages flow: memory stays bounded and other clients keep receiving', async () => {
    const { child, tcpPort } = served;
    const stuck = net.connect(tcpPort, '127.0.0.1');
    stuck.on('error', () => {});
    cleanup.push(() => stuck.destroy());
    await new Promise((resolve) => stuck.once('connect', resolve));
    stuck.write(Buffer.concat([connectPacket('stuck-tab'), subscribePacket('#')]));
    await sleep(300);
    stuck.pause();

    const reader = mqtt.connect(`mqtt://127.0.0.1:${tcpPort}`, { reconnectPeriod: 0 });
    const publisher = mqtt.connect(`mqtt://127.0.0.1:${tcpPort}`, { reconnectPeriod: 0 });
    cleanup.push(() => reader.end(true), () => publisher.end(true));
    await withTimeout(Promise.all([new Promise((r) => reader.once('connect', r)), new Promise((r) => publisher.once('connect', r))]), 5000, 'clients');
    await reader.subscribeAsync('own/#');
    let ownReceived = 0;
    reader.on('message', (topic) => {
      if (topic === 'own/ping') ownReceived += 1;
    });
    const baseline = residentMegabytes(child.pid!);
    const big = Buffer.alloc(1024 * 1024, 0x42);
    const peak = await peakWhile(child.pid!, async () => {
      for (let i = 0; i < 300; i += 1) {
        await publisher.publishAsync('bulk/video', big, { qos: 1 });
        if (i % 10 === 0) publisher.publish('own/ping', String(i));
      }
      await sleep(500);
    });
    expect(ownReceived).toBe(30);
    // 300 MB went through; before the bound the server grew by gigabytes.
    expect(peak - baseline).toBeLessThan(120);
  }, 60000);

  test('a hundred monitor feeds that never read: only a few are accepted and memory stays flat', async () => {
    const { child, httpPort, tcpPort } = served;
    const baseline = residentMegabytes(child.pid!);
    const publisher = mqtt.connect(`mqtt://127.0.0.1:${tcpPort}`, { reconnectPeriod: 0 });
    cleanup.push(() => publisher.end(true));
    await withTimeout(new Promise((r) => publisher.once('connect', r)), 5000, 'publisher');
    for (let i = 0; i < 200; i += 1) publisher.publish(`history/${i}`, 'x'.repeat(4000));
    await sleep(300);
    const statuses: number[] = [];
    const peak = await peakWhile(child.pid!, async () => {
      await Promise.all(
        Array.from({ length: 100 }, () =>
          withTimeout(
            new Promise<void>((resolve) => {
              const req = http.get({ host: '127.0.0.1', port: httpPort, path: '/api/monitor', agent: false }, (res) => {
                statuses.push(res.statusCode ?? 0);
                res.pause(); // never reads
                cleanup.push(() => req.destroy());
                resolve();
              });
              req.on('error', () => resolve());
            }),
            5000,
            'feed',
          ),
        ),
      );
      for (let i = 0; i < 100; i += 1) publisher.publish('live', 'y'.repeat(4000));
      await sleep(500);
    });
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(80);
    expect(peak - baseline).toBeLessThan(100);
    // The server still answers promptly.
    const started = Date.now();
    await withTimeout(
      new Promise<void>((resolve, reject) => http.get({ host: '127.0.0.1', port: httpPort, path: '/api/info', agent: false }, (res) => { res.resume(); resolve(); }).on('error', reject)),
      3000,
      'info',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  }, 60000);
});
