/**
 * The three umqtt.simple stand-ins (no-network recording board, networked WebAssembly board, CPython
 * bench board) share one core (test/support/umqtt-core/umqtt_core.py) and differ only in their
 * socket. The same probe program runs on each: every misuse a careless program could make is refused
 * the same way everywhere, and what the networked ones put on the wire arrives at a real broker
 * byte for byte (Chinese payloads, retain, QoS 1, a last will).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { startNetBoard, BOOT_THEN_MAIN } from '../support/micropython/networked-board';
import { runMicroPython } from '../support/micropython/run';
import { checkTool, DEBIAN_PYTHON, describeWithTool } from '../support/system-tool';
import { startTestBroker, type TestBroker } from '../support/test-broker';

jest.setTimeout(60000);

const CPYTHON_BOARD = path.join(__dirname, '..', '..', 'bench', 'support', 'cpython-board');

/** Each misuse, as a line of Python and what every stand-in must raise. */
const MISUSES: Array<[string, string, string]> = [
  ['retain passed as the third positional argument', "c.publish(b'p/t', b'm', True)", 'TypeError'],
  ['QoS 2 publish', "c.publish(b'p/t', b'm', qos=2)", 'AssertionError'],
  ['QoS 3 publish', "c.publish(b'p/t', b'm', qos=3)", 'TypeError'],
  ['retain that is not a bool', "c.publish(b'p/t', b'm', retain=1)", 'TypeError'],
  ['str topic with Chinese', "c.publish('p/温度', b'm')", 'TypeError'],
  ['str message with Chinese', "c.publish(b'p/t', '你好')", 'TypeError'],
  ['a number as message', "c.publish(b'p/t', 21.5)", 'TypeError'],
  ['topic longer than an MQTT string', "c.publish(b'p/' + b'x' * 70000, b'm')", 'ValueError'],
  ['subscribe with QoS 2', "c.subscribe(b'p/#', qos=2)", 'TypeError'],
  ['subscribe to a str with Chinese', "c.subscribe('p/温度')", 'TypeError'],
  ['empty client id', "MQTTClient(b'', HOST, port=PORT)", 'TypeError'],
  ['user without password', "MQTTClient(b'x', HOST, port=PORT, user=b'u')", 'TypeError'],
  ['keepalive out of range', "MQTTClient(b'x', HOST, port=PORT, keepalive=70000)", 'TypeError'],
];

/** The probe: connect (with a will), try every misuse, publish what must arrive, then drop the link. */
function probe(host: string, port: number): string {
  return [
    'import time',
    'from umqtt.simple import MQTTClient',
    `HOST = ${JSON.stringify(host)}`,
    `PORT = ${port}`,
    "got = []",
    "c = MQTTClient(b'probe-1', HOST, port=PORT, keepalive=30)",
    "c.set_callback(lambda topic, msg: got.append((topic, msg)))",
    "c.set_last_will(b'p/will', '离线 offline'.encode(), retain=False, qos=1)",
    'c.connect()',
    ...MISUSES.flatMap(([label, line]) => [
      'try:',
      `    ${line}`,
      `    print(${JSON.stringify(`${label}: accepted`)})`,
      'except Exception as e:',
      `    print(${JSON.stringify(`${label}: `)} + type(e).__name__)`,
    ]),
    "c.publish(b'p/zh', '温度 21.5 ℃'.encode(), retain=True, qos=1)",
    "c.publish(b'p/bytes', bytes([0, 255, 10, 13]))",
    "c.subscribe(b'p/echo', qos=1)",
    "c.publish(b'p/echo', b'back', qos=1)",
    'for _ in range(200):  # at most 2 s for the echo',
    '    c.check_msg()',
    '    if got:',
    '        break',
    '    time.sleep_ms(10)',
    "print('echo:', got)",
    "print('done')",
    'c.sock.close()  # no DISCONNECT: the broker publishes the will',
    '',
  ].join('\n');
}

const refusals = MISUSES.map(([label, , error]) => `${label}: ${error}`);

interface WireTrace {
  messages: Array<{ topic: string; payload: string; retain: boolean; qos: number }>;
  close(): Promise<void>;
}

async function watch(broker: TestBroker): Promise<WireTrace> {
  const client = await mqtt.connectAsync(broker.tcpUrl, { reconnectPeriod: 0 });
  const messages: WireTrace['messages'] = [];
  client.on('message', (topic, payload, packet) => messages.push({ topic, payload: payload.toString('hex'), retain: packet.retain, qos: packet.qos }));
  await client.subscribeAsync('p/#', { qos: 1 });
  return { messages, close: () => client.endAsync(true) };
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
const ARRIVED = [
  { topic: 'p/zh', payload: hex('温度 21.5 ℃'), retain: false, qos: 1 },
  { topic: 'p/bytes', payload: '00ff0a0d', retain: false, qos: 0 },
  { topic: 'p/echo', payload: hex('back'), retain: false, qos: 1 },
  { topic: 'p/will', payload: hex('离线 offline'), retain: false, qos: 1 },
];

/** aedes may hand a QoS 0 message to a QoS 1 subscriber before an earlier QoS 1 one: compare as a set. */
const byTopic = (messages: WireTrace['messages']): WireTrace['messages'] => [...messages].sort((a, b) => a.topic.localeCompare(b.topic));

/** Runs the probe on a board that talks to a live broker; returns what it printed and what arrived. */
async function onLiveBroker(start: (port: number) => { lines: () => string[]; stop: () => Promise<void> }): Promise<{ printed: string[]; arrived: WireTrace['messages'] }> {
  const broker = await startTestBroker();
  const watcher = await watch(broker);
  const board = start(broker.tcpPort);
  try {
    await until(() => watcher.messages.some((message) => message.topic === 'p/will'), 20000);
    return { printed: board.lines(), arrived: watcher.messages };
  } finally {
    await board.stop();
    await watcher.close();
    await broker.close();
  }
}

function onCPython(port: number): { lines: () => string[]; stop: () => Promise<void> } {
  const folder = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-umqtt-'));
  writeFileSync(path.join(folder, 'main.py'), probe('127.0.0.1', port));
  const child = spawn(DEBIAN_PYTHON, ['-u', path.join(CPYTHON_BOARD, 'run_board.py'), folder], { env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return {
    lines: () => output.split('\n'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describe('every misuse is refused the same way by each stand-in', () => {
  test('no-network board (scripted broker)', async () => {
    // No broker to echo p/echo: the scenario's device answers it instead.
    const result = await runMicroPython(probe('192.168.1.2', 1883), { after_publish: { 'p/echo': [{ topic: 'p/echo', payload: 'back' }] } });
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(expect.arrayContaining([...refusals, "echo: [(b'p/echo', b'back')]", 'done']));
    // The scripted broker answered QoS 1 with PUBACK and the subscription with SUBACK, as a broker would.
    expect(result.calls.filter((call) => call.call === 'publish').map((call) => call.kwargs)).toEqual([
      { retain: true, qos: 1 },
      { retain: false, qos: 0 },
      { retain: false, qos: 1 },
    ]);
  });

  test('networked WebAssembly board (real TCP to aedes): refused, and the rest arrives byte for byte', async () => {
    const { printed, arrived } = await onLiveBroker((port) => {
      const board = startNetBoard({ 'main.py': probe('127.0.0.1', port) }, { boot: BOOT_THEN_MAIN });
      return { lines: () => board.lines, stop: () => board.stop() };
    });
    expect(printed).toEqual(expect.arrayContaining([...refusals, "echo: [(b'p/echo', b'back')]", 'done']));
    expect(byTopic(arrived)).toEqual(byTopic(ARRIVED));
  });
});

describeWithTool(checkTool('python3', DEBIAN_PYTHON, ['-c', 'pass'], 'apt-get install -y python3'), 'CPython bench board (real TCP to aedes)', () => {
  test('refused the same way, and the rest arrives byte for byte', async () => {
    const { printed, arrived } = await onLiveBroker(onCPython);
    if (!printed.includes('done')) throw new Error(printed.join('\n'));
    expect(printed).toEqual(expect.arrayContaining([...refusals, "echo: [(b'p/echo', b'back')]", 'done']));
    expect(byTopic(arrived)).toEqual(byTopic(ARRIVED));
  });
});

describe('a hostile broker cannot hang or crash the networked board', () => {
  let server: Server;
  let port = 0;
  /** What the broker answers to the board's first packet (CONNECT) and to its second (SUBSCRIBE), then it hangs up. */
  let answers: Buffer[] = [];

  beforeAll(async () => {
    server = createServer((socket) => {
      let packets = 0;
      socket.on('data', () => {
        const answer = answers[packets++];
        if (packets >= answers.length) socket.end(answer);
        else socket.write(answer);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const program = (): string =>
    [
      'from umqtt.simple import MQTTClient',
      `c = MQTTClient(b'probe-2', '127.0.0.1', port=${port})`,
      'c.set_callback(lambda topic, msg: None)',
      'try:',
      '    c.connect()',
      "    c.subscribe(b'p/#')",
      "    print('outcome: subscribed')",
      'except Exception as e:',
      "    print('outcome:', type(e).__name__, e)",
      '',
    ].join('\n');

  const CONNACK = Buffer.from([0x20, 2, 0, 0]);
  test.each([
    ['not a CONNACK', [Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')], /^outcome: MQTTException -1$/],
    ['a refusal (bad username or password)', [Buffer.from([0x20, 2, 0, 4])], /^outcome: MQTTException 4$/],
    ['a packet whose remaining length never ends', [CONNACK, Buffer.from([0x90, 0xff, 0xff, 0xff, 0xff, 0xff])], /^outcome: MQTTException malformed remaining length$/],
    ['the connection closing mid-packet', [CONNACK, Buffer.from([0x90, 3, 0])], /^outcome: OSError -1$/],
  ])('%s: a clear error', async (_label, replies, expected) => {
    answers = replies;
    const board = startNetBoard({ 'main.py': program() }, { boot: BOOT_THEN_MAIN });
    try {
      expect(await board.waitForLine(/^outcome:/, 20000)).toMatch(expected);
    } finally {
      await board.stop();
    }
  });
});
