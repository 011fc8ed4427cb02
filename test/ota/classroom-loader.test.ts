/**
 * The classroom loader (src/ota/classroom_loader.py) in the real MicroPython interpreter, on a
 * board with real TCP, against the classroom server's broker in --lan mode and against Mosquitto.
 * The board's program publishes a heartbeat naming its version, so every test sees which program
 * runs: a good send is received, verified, swapped and restarted; corrupted, truncated, oversized,
 * crashing and unauthenticated sends leave the old program in place and still running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { loaderFiles } from '../../src/ota/loader-files';
import { beginMessage, chunkMessage, MAX_PROGRAM_BYTES, parseProgress, parseStatus, programTopic, progressTopic, statusTopic, type BoardProgress } from '../../src/ota/ota-protocol';
import { SendError, sendProgram } from '../../src/ota/send-program';
import { sha256Hex } from '../../src/upload/sha256';
import { startClassroomServer, type ClassroomServer } from '../../src/server';
import { startMosquitto, type MosquittoBroker } from '../support/mosquitto';
import { startNetBoard, type NetBoard } from '../support/micropython/networked-board';
import { describeWithTool, mosquittoCheck } from '../support/system-tool';
import { waitFor } from '../support/ports';

jest.setTimeout(90000);

const LOADER = readFileSync(path.resolve(__dirname, '../../src/ota/classroom_loader.py'), 'utf8');
const CREDENTIALS = { username: 'class07', password: 'tiger-maple-4821' };
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

interface Broker {
  port: number;
  url: string;
  credentials?: { username: string; password: string };
}

/** A pupil's program: connects on its own and publishes its version every 200 ms. */
function heartbeatProgram(broker: Broker, version: string, extra = ''): string {
  const login = broker.credentials ? `, user=b'${broker.credentials.username}', password=b'${broker.credentials.password}'` : '';
  return [
    'import time',
    'from umqtt.simple import MQTTClient',
    extra,
    `c = MQTTClient(b'program-desk1', '127.0.0.1', port=${broker.port}${login})`,
    'c.connect()',
    'while True:',
    `    c.publish(b'test/heartbeat', '${version}'.encode())`,
    '    time.sleep_ms(200)',
    '',
  ].join('\n');
}

/** The real bin script, without blocking the event loop (the broker runs in this process). */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../bin/mqtt-blocks.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

class Classroom {
  board!: NetBoard;
  client!: MqttClient;
  beats: string[] = [];
  progress: BoardProgress[] = [];

  constructor(private readonly broker: Broker) {}

  async start(firstProgram = 'v1', flashFree?: number): Promise<void> {
    const files = loaderFiles(
      {
        board: 'desk1',
        broker: `mqtt://127.0.0.1:${this.broker.port}`,
        username: this.broker.credentials?.username,
        password: this.broker.credentials?.password,
        wifi: 'classroom',
        trialMs: 1500,
      },
      LOADER,
    );
    const config = JSON.parse(files['classroom_config.json']) as Record<string, unknown>;
    files['classroom_config.json'] = JSON.stringify({ ...config, transfer_idle_ms: 2000 });
    this.board = startNetBoard({ ...files, 'main.py': heartbeatProgram(this.broker, firstProgram) }, { flashFree });
    this.client = await mqtt.connectAsync(this.broker.url, { ...this.broker.credentials, reconnectPeriod: 0 });
    this.client.on('message', (topic, payload) => {
      if (topic === 'test/heartbeat') this.beats.push(payload.toString());
      if (topic === progressTopic('desk1')) {
        const parsed = parseProgress(payload);
        if (parsed) this.progress.push(parsed);
      }
    });
    await this.client.subscribeAsync(['test/heartbeat', progressTopic('desk1')]);
    await this.runs(firstProgram);
  }

  /** Waits until the newest heartbeats come from this version. */
  async runs(version: string, timeoutMs = 20000): Promise<void> {
    const since = this.beats.length;
    const ok = await waitFor(() => this.beats.slice(since).filter((beat) => beat === version).length >= 3, timeoutMs, 50);
    if (!ok) throw new Error(`program ${version} is not running; heartbeats: ${this.beats.slice(-5).join(', ')}\n${this.board.lines.slice(-20).join('\n')}`);
  }

  async progressWith(predicate: (p: BoardProgress) => boolean, timeoutMs = 10000): Promise<BoardProgress> {
    await waitFor(() => this.progress.some(predicate), timeoutMs, 20);
    const found = this.progress.find(predicate);
    if (found === undefined) throw new Error(`no such progress; got ${JSON.stringify(this.progress)}`);
    return found;
  }

  async stop(): Promise<void> {
    await this.client?.endAsync().catch(() => undefined);
    await this.board?.stop();
  }
}

async function sendFailure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

describe('classroom loader on the classroom server (--lan, with a password)', () => {
  let server: ClassroomServer;
  let broker: Broker;
  let room: Classroom;

  beforeAll(async () => {
    server = await startClassroomServer({ httpPort: 0, tcpPort: 0, host: '127.0.0.1', lan: true, ...CREDENTIALS, log: () => {} });
    broker = { port: server.tcpPort, url: `mqtt://127.0.0.1:${server.tcpPort}`, credentials: CREDENTIALS };
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    room = new Classroom(broker);
    await room.start('v1');
  });
  afterEach(async () => {
    await room.stop();
  });

  test('announces itself (retained, with its program) and takes a new program: verified, swapped, restarted', async () => {
    const status = await new Promise<ReturnType<typeof parseStatus>>((resolve) => {
      room.client.on('message', (topic, payload) => {
        if (topic === statusTopic('desk1')) resolve(parseStatus(topic, payload));
      });
      void room.client.subscribeAsync(statusTopic('desk1'));
    });
    const v1 = encode(heartbeatProgram(broker, 'v1'));
    expect(status).toMatchObject({ board: 'desk1', online: true, max_bytes: MAX_PROGRAM_BYTES, program: { bytes: v1.length, sha256: sha256Hex(v1) }, state: 'running' });
    expect(status?.client).toMatch(/^mqtt-blocks-loader-/);

    const stages: string[] = [];
    const v2 = encode(heartbeatProgram(broker, 'v2 你好', `# ${'注释 '.repeat(800)}`));
    expect(v2.length).toBeGreaterThan(4000); // several chunks
    const result = await sendProgram(room.client, 'desk1', v2, { onProgress: (p) => stages.push(p.stage) });
    expect(result).toMatchObject({ bytes: v2.length, sha256: sha256Hex(v2), started: true });
    expect(stages).toEqual(expect.arrayContaining(['checking', 'sending', 'verifying', 'restarting', 'started']));
    await room.runs('v2 你好');
  });

  test('a corrupted program (hash mismatch) is refused; the old one keeps running', async () => {
    const program = encode(heartbeatProgram(broker, 'v-bad'));
    await room.client.publishAsync(programTopic('desk1'), beginMessage('corrupt1', program.length, sha256Hex(encode('something else'))), { qos: 1 });
    await room.progressWith((p) => p.id === 'corrupt1' && p.state === 'ready');
    await room.client.publishAsync(programTopic('desk1'), Buffer.from(chunkMessage('corrupt1', 0, program)), { qos: 1 });
    expect(await room.progressWith((p) => p.id === 'corrupt1' && p.state === 'error')).toMatchObject({ error: 'hash' });
    // Garbage on the program topic: broken JSON, a chunk with no transfer, a 100 KB header line.
    await room.client.publishAsync(programTopic('desk1'), '{"id": "x", "bytes": 12, 中文', { qos: 1 });
    await room.progressWith((p) => p.state === 'error' && p.error === 'bad-begin');
    await room.client.publishAsync(programTopic('desk1'), Buffer.from(chunkMessage('nobody', 0, encode('x = 1\n'))), { qos: 1 });
    await room.progressWith((p) => p.state === 'error' && p.error === 'no-transfer');
    await room.client.publishAsync(programTopic('desk1'), Buffer.from('z'.repeat(100_000)), { qos: 1 });
    await room.runs('v1');
  });

  test('a truncated program times out on the board and is thrown away; the old one keeps running', async () => {
    const program = encode(heartbeatProgram(broker, 'v-short'));
    await room.client.publishAsync(programTopic('desk1'), beginMessage('short1', program.length, sha256Hex(program)), { qos: 1 });
    await room.client.publishAsync(programTopic('desk1'), Buffer.from(chunkMessage('short1', 0, program.subarray(0, 50))), { qos: 1 });
    expect(await room.progressWith((p) => p.id === 'short1' && p.state === 'error', 15000)).toMatchObject({ error: 'timeout' });
    await room.runs('v1');
    // More bytes than announced is refused at once.
    await room.client.publishAsync(programTopic('desk1'), beginMessage('long1', 10, sha256Hex(program)), { qos: 1 });
    await room.client.publishAsync(programTopic('desk1'), Buffer.from(chunkMessage('long1', 0, program.subarray(0, 50))), { qos: 1 });
    expect(await room.progressWith((p) => p.id === 'long1' && p.state === 'error')).toMatchObject({ error: 'size' });
    await room.runs('v1');
  });

  test('an oversized program is refused by the sender and by the board', async () => {
    const huge = encode(`# ${'x'.repeat(MAX_PROGRAM_BYTES)}\n`);
    expect((await sendFailure(sendProgram(room.client, 'desk1', huge))).failure).toBe('tooBig');
    await room.client.publishAsync(programTopic('desk1'), beginMessage('huge1', 10_000_000, sha256Hex(huge)), { qos: 1 });
    expect(await room.progressWith((p) => p.id === 'huge1' && p.state === 'error')).toMatchObject({ error: 'too-big', max_bytes: MAX_PROGRAM_BYTES });
    await room.runs('v1');
  });

  test('a board whose flash is full refuses before writing; the old program keeps running', async () => {
    await room.stop();
    room = new Classroom(broker);
    await room.start('v1', 6000);
    const sender = await mqtt.connectAsync(broker.url, { ...CREDENTIALS, reconnectPeriod: 0 });
    try {
      const error = await sendFailure(sendProgram(sender, 'desk1', encode(heartbeatProgram(broker, 'v-big', `# ${'x'.repeat(3000)}`))));
      expect(error).toMatchObject({ failure: 'refused', progress: { error: 'full', free_flash: 6000 } });
    } finally {
      await sender.endAsync();
    }
    await room.runs('v1');
  });

  test('a program that crashes at start is rolled back to the previous one', async () => {
    const crashing = encode("print('starting')\nraise ValueError('oops 出错了')\n");
    const error = await sendFailure(sendProgram(room.client, 'desk1', crashing));
    expect(error.failure).toBe('restored');
    expect(error.detail).toContain('oops');
    await room.runs('v1');
  });

  test('a client without the class password cannot send anything', async () => {
    const stranger = mqtt.connect(broker.url, { reconnectPeriod: 0, connectTimeout: 5000 });
    const refused = await new Promise<Error>((resolve) => stranger.once('error', resolve));
    expect(refused.message).toMatch(/Not authorized|Bad username or password/i);
    stranger.end(true);
    await room.runs('v1');
  });

  test('mqtt-blocks send: the teacher\'s command line sends a program and reports each stage; a wrong password and an offline board are explained', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'send-'));
    const file = path.join(dir, 'main.py');
    writeFileSync(file, heartbeatProgram(broker, 'v-cli 你好'));
    const login = ['--username', CREDENTIALS.username, '--password', CREDENTIALS.password];
    const sent = await runCli(['send', file, '--board', 'desk1', '--broker', broker.url, ...login]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/Sending to desk1[\s\S]*desk1 runs the new program[\s\S]*desk1 正在运行新程序/);
    await room.runs('v-cli 你好');
    const wrong = await runCli(['send', file, '--board', 'desk1', '--broker', broker.url, '--username', 'class07', '--password', 'guess']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/class username and password[\s\S]*用户名和密码/);
    const offline = await runCli(['send', file, '--board', 'desk99', '--broker', broker.url, ...login]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/Board desk99 is not online[\s\S]*开发板 desk99 不在线/);
  });

  test('a board listens to its own topic only', async () => {
    const program = encode(heartbeatProgram(broker, 'v-other'));
    await room.client.publishAsync(programTopic('desk2'), beginMessage('other1', program.length, sha256Hex(program)), { qos: 1 });
    await room.client.publishAsync('mqtt-blocks/boards/desk1/program/extra', beginMessage('other2', program.length, sha256Hex(program)), { qos: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(room.progress.filter((p) => p.id === 'other1' || p.id === 'other2')).toEqual([]);
  });
});

describeWithTool(mosquittoCheck(), 'classroom loader on Mosquitto', () => {
  let mosquitto: MosquittoBroker;
  let room: Classroom;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await room?.stop();
    await mosquitto?.close();
  });

  test('a good program is swapped in; a corrupted one is refused', async () => {
    const port = Number(new URL(mosquitto.tcpUrl).port);
    const broker = { port, url: mosquitto.tcpUrl };
    room = new Classroom(broker);
    await room.start('v1');
    const v2 = encode(heartbeatProgram(broker, 'v2'));
    // A client of its own: sendProgram unsubscribes the progress topic when it is done.
    const sender = await mqtt.connectAsync(mosquitto.tcpUrl, { reconnectPeriod: 0 });
    expect(await sendProgram(sender, 'desk1', v2)).toMatchObject({ started: true });
    await sender.endAsync();
    await room.runs('v2');
    await room.client.publishAsync(programTopic('desk1'), beginMessage('bad', v2.length, sha256Hex(encode('x'))), { qos: 1 });
    await room.progressWith((p) => p.id === 'bad' && p.state === 'ready');
    await room.client.publishAsync(programTopic('desk1'), Buffer.from(chunkMessage('bad', 0, v2)), { qos: 1 });
    expect(await room.progressWith((p) => p.id === 'bad' && p.state === 'error')).toMatchObject({ error: 'hash' });
    await room.runs('v2');
  });
});
