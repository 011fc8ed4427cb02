/**
 * Load proof of the classroom broker: thirty pupils (the extension's own MQTT session, over
 * WebSocket) and thirty boards (mqtt.js over TCP, a reading twice a second, listening for commands)
 * plus one stuck subscriber to `#` that never reads, first against `mqtt-blocks serve`, then against
 * Mosquitto 2 with its default limits, with the same load in the same run. A "camera" board also
 * sends a 100 kB picture twice a second that nobody but the stuck subscriber wants, so the stuck
 * subscriber's backlog really fills.
 *
 * Printed per broker: messages lost per client class (goal: 0 except to the stuck client),
 * end-to-end latency p50 and p99, the broker's CPU seconds and peak memory, then the ratios.
 *
 *   npm run bench                 (all benchmarks)
 *   npx tsx bench/broker-load.ts [seconds]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { MqttSession, type ConnectFunction } from '../src/session/mqtt-session';
import { connectPacket, subscribePacket } from '../test/support/raw-mqtt';
import { freePort, sleep } from '../test/support/ports';
import { MOSQUITTO } from '../test/support/system-tool';

const PUPILS = 30;
const BOARDS = 30;
const SECONDS = Number(process.argv[2] ?? 20);
const READING_EVERY_MS = 500;
const COMMAND_EVERY_MS = 1000;
const PICTURE_BYTES = 100 * 1024;
const CLOCK_TICKS = 100; // Linux USER_HZ

interface Broker {
  name: string;
  pid: number;
  tcpUrl: string;
  wsUrl: string;
  stop(): Promise<void>;
}

interface Result {
  name: string;
  readingsSent: number;
  readingsLost: number;
  commandsSent: number;
  commandsLost: number;
  stuckClosed: string;
  p50: number;
  p99: number;
  cpuSeconds: number;
  peakMegabytes: number;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function peakMegabytes(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`port ${port} did not open: ${output()}`);
}

async function startServe(log: string[]): Promise<Broker> {
  const [httpPort, tcpPort] = [await freePort(), await freePort()];
  const bin = path.resolve(__dirname, '..', 'bin', 'mqtt-blocks.js');
  const child = spawn(process.execPath, [bin, 'serve', '--http-port', String(httpPort), '--tcp-port', String(tcpPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  await waitForPort(tcpPort, child, () => log.join(''));
  return {
    name: 'mqtt-blocks serve',
    pid: child.pid!,
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    wsUrl: `ws://127.0.0.1:${httpPort}/mqtt`,
    stop: () => stopChild(child),
  };
}

async function startMosquitto(log: string[]): Promise<Broker> {
  const [wsPort, tcpPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-bench-mosquitto-'));
  const config = path.join(dir, 'mosquitto.conf');
  writeFileSync(config, [`listener ${tcpPort} 127.0.0.1`, `listener ${wsPort} 127.0.0.1`, 'protocol websockets', 'allow_anonymous true', 'persistence false', ''].join('\n'));
  const child = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  await waitForPort(wsPort, child, () => log.join(''));
  return {
    name: 'Mosquitto 2 (defaults)',
    pid: child.pid!,
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    wsUrl: `ws://127.0.0.1:${wsPort}/mqtt`,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function connectClient(url: string, clientId: string): Promise<MqttClient> {
  const client = mqtt.connect(url, { clientId, reconnectPeriod: 0, connectTimeout: 10000 });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

async function runLoad(broker: Broker, log: string[]): Promise<Result> {
  const latencies: number[] = [];
  const stamp = (): string => JSON.stringify({ t: performance.now(), pad: 'x'.repeat(40) });
  const latencyOf = (text: string): void => {
    const t = (JSON.parse(text) as { t: number }).t;
    latencies.push(performance.now() - t);
  };

  // The stuck subscriber: connects, subscribes to everything, then never reads again.
  const stuck = net.connect(Number(new URL(broker.tcpUrl).port), '127.0.0.1');
  stuck.on('error', () => {});
  await new Promise((resolve) => stuck.once('connect', resolve));
  stuck.write(Buffer.concat([connectPacket('stuck-subscriber'), subscribePacket('#')]));
  await sleep(200);
  stuck.pause();

  // Pupils: the extension's session, as in a browser tab.
  const connect: ConnectFunction = (url, options) => mqtt.connect(url, options);
  let readingsReceived = 0;
  const pupils: MqttSession[] = [];
  for (let i = 0; i < PUPILS; i += 1) {
    const session = new MqttSession(
      {
        message: (message) => {
          readingsReceived += 1;
          latencyOf(message.text);
        },
        connectionChanged: () => {},
      },
      { connect, clientIdPrefix: `pupil${i}`, timerVariant: 'native' },
    );
    await session.connect(broker.wsUrl, '', '');
    if (!session.connected) throw new Error(`pupil ${i} could not connect to ${broker.name}`);
    await session.subscribe('class/board/+/reading', 0);
    pupils.push(session);
  }

  // Boards: one TCP client each, listening for commands to it.
  let commandsReceived = 0;
  const boards: MqttClient[] = [];
  for (let i = 0; i < BOARDS; i += 1) {
    const board = await connectClient(broker.tcpUrl, `board${i}`);
    await board.subscribeAsync(`class/board/${i}/cmd`);
    board.on('message', (_topic, payload: Buffer) => {
      commandsReceived += 1;
      latencyOf(payload.toString());
    });
    boards.push(board);
  }
  const camera = await connectClient(broker.tcpUrl, 'camera-board');
  await sleep(500);

  const cpuBefore = cpuSeconds(broker.pid);
  let readingsSent = 0;
  let commandsSent = 0;
  const timers: NodeJS.Timeout[] = [];
  boards.forEach((board, i) => {
    // Staggered so the class does not publish in lock-step.
    timers.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            board.publish(`class/board/${i}/reading`, stamp());
            readingsSent += 1;
          }, READING_EVERY_MS),
        );
      }, (i * READING_EVERY_MS) / BOARDS),
    );
  });
  pupils.forEach((pupil, i) => {
    timers.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            pupil.publish(`class/board/${i % BOARDS}/cmd`, stamp(), 0, false);
            commandsSent += 1;
          }, COMMAND_EVERY_MS),
        );
      }, (i * COMMAND_EVERY_MS) / PUPILS),
    );
  });
  const picture = Buffer.alloc(PICTURE_BYTES, 0x50);
  timers.push(setInterval(() => camera.publish('class/camera', picture), 500));

  await sleep(SECONDS * 1000);
  for (const timer of timers) clearTimeout(timer);
  await sleep(2000); // let what is in flight arrive
  const cpuAfter = cpuSeconds(broker.pid);
  const peak = peakMegabytes(broker.pid);

  await Promise.all(pupils.map((pupil) => pupil.disconnect()));
  await Promise.all([...boards, camera].map((client) => client.endAsync(true)));
  stuck.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  const logLines = log.join('').split('\n');
  const closedLine = logLines.find((line) => line.includes('stuck-subscriber') && line.includes('closed by the server'));
  const droppedLines = logLines.filter((line) => line.includes('stuck-subscriber') && line.includes('dropped so far'));
  const dropped = /(\d+) dropped so far/.exec(droppedLines[droppedLines.length - 1] ?? '')?.[1];
  return {
    name: broker.name,
    readingsSent,
    readingsLost: readingsSent * PUPILS - readingsReceived,
    commandsSent,
    commandsLost: commandsSent - commandsReceived,
    stuckClosed:
      (closedLine !== undefined ? 'closed by the broker (logged)' : 'still connected at the end') +
      (dropped !== undefined ? `, at least ${dropped} messages to it dropped (logged)` : ''),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuSeconds: cpuAfter - cpuBefore,
    peakMegabytes: peak,
  };
}

function printResult(result: Result): void {
  console.log(`  ${result.name}`);
  console.log(`    pupils: ${result.readingsLost} of ${result.readingsSent * PUPILS} readings lost`);
  console.log(`    boards: ${result.commandsLost} of ${result.commandsSent} commands lost`);
  console.log(`    stuck subscriber: ${result.stuckClosed}`);
  console.log(`    latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
  console.log(`    broker CPU ${result.cpuSeconds.toFixed(2)} s, peak memory ${result.peakMegabytes.toFixed(0)} MB`);
}

export async function runBrokerLoadBenchmark(): Promise<void> {
  console.log(`Classroom broker under load: ${PUPILS} pupils (WebSocket), ${BOARDS} boards (TCP, a reading every ${READING_EVERY_MS} ms), 1 stuck subscriber to #, ${SECONDS} s`);
  if (process.platform !== 'linux') {
    console.log('  skipped: CPU and memory are read from /proc (Linux only)');
    return;
  }
  const results: Result[] = [];
  const serveLog: string[] = [];
  const serve = await startServe(serveLog);
  try {
    results.push(await runLoad(serve, serveLog));
  } finally {
    await serve.stop();
  }
  printResult(results[0]);
  if (!existsSync(MOSQUITTO)) {
    console.log(`  Mosquitto not installed at ${MOSQUITTO}: no comparison (apt-get install mosquitto)`);
    return;
  }
  const mosquittoLog: string[] = [];
  const mosquitto = await startMosquitto(mosquittoLog);
  try {
    results.push(await runLoad(mosquitto, mosquittoLog));
  } finally {
    await mosquitto.stop();
  }
  printResult(results[1]);
  const [ours, theirs] = results as [Result, Result];
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
  console.log('  ratios, mqtt-blocks serve / Mosquitto:');
  console.log(`    latency p50 ${ratio(ours.p50, theirs.p50)}, p99 ${ratio(ours.p99, theirs.p99)}`);
  console.log(`    CPU ${ratio(ours.cpuSeconds, theirs.cpuSeconds)}, peak memory ${ratio(ours.peakMegabytes, theirs.peakMegabytes)}`);
}

if (require.main === module) {
  runBrokerLoadBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
