/**
 * Every generated Raspberry Pi program runs under Debian's python3 with python3-paho-mqtt (1.6.1)
 * against a live in-process aedes broker; an mqtt.js client in the test sees what it publishes and
 * drives its hats.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import type { Aedes } from '../../src/server/aedes-loader';
import { generateBoardProgram, generateFromWorkspaceJson } from '../../src/generators/headless';
import { describeWithTool, PAHO_FLAVOURS } from '../support/system-tool';
import { PythonProgram } from '../support/python-program';
import { withText, workspaceJson } from './fixtures';

jest.setTimeout(30000);

interface Broker {
  aedes: Aedes;
  server: net.Server;
  port: number;
}

async function startBroker(): Promise<Broker> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- aedes is ESM-only: jest maps this require() to Node's loader
  const { Aedes: AedesClass } = require('aedes') as { Aedes: typeof Aedes };
  const aedes = await AedesClass.createBroker({
    authenticate: (_client, username, password, done) => {
      // Anonymous, or the one account the will-and-wildcards program logs in with.
      const ok = username === undefined || (username === 'pupil1' && password?.toString() === 'let-me-in');
      done(null, ok);
    },
  });
  const server = net.createServer(aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { aedes, server, port: (server.address() as AddressInfo).port };
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** Messages a JS client receives, with a bounded wait for the n-th on a topic. */
class Listener {
  readonly messages: Array<{ topic: string; payload: string; qos: number; retain: boolean }> = [];
  constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => this.messages.push({ topic, payload: payload.toString('utf8'), qos: packet.qos, retain: packet.retain }));
  }
  async waitFor(topic: string, count = 1, ms = 10000): Promise<Listener['messages']> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.filter((message) => message.topic === topic);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`only ${found.length} of ${count} messages on ${topic}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

for (const flavour of PAHO_FLAVOURS) describeWithTool(flavour.check(), `generated Python programs on a live broker (python3 + paho-mqtt) on ${flavour.name}`, () => {
  let broker: Broker;
  const programs: PythonProgram[] = [];
  const clients: MqttClient[] = [];

  beforeEach(async () => {
    broker = await startBroker();
  });

  afterEach(async () => {
    const finished = programs.splice(0);
    await Promise.all(finished.map((program) => program.kill()));
    // No program may have crashed along the way (a traceback on stderr).
    finished.forEach((program) => expect(program.errors).not.toMatch(/Traceback|Error/));
    await Promise.all(clients.splice(0).map((client) => bounded(client.endAsync(true), 3000, 'client end').catch(() => undefined)));
    await new Promise<void>((resolve) => broker.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => broker.server.close(() => resolve()));
  });

  function start(fixture: string): PythonProgram {
    const workspace = withText(workspaceJson(fixture), 'mqtt://192.168.1.2:1883', `mqtt://127.0.0.1:${broker.port}`);
    const program = new PythonProgram(generateFromWorkspaceJson(workspace as object, 'python'), { pythonPath: flavour.pythonPath });
    programs.push(program);
    return program;
  }

  async function jsClient(...subscriptions: string[]): Promise<Listener> {
    const client = await bounded(mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { reconnectPeriod: 0 }), 5000, 'js connect');
    clients.push(client);
    const listener = new Listener(client);
    if (subscriptions.length > 0) await client.subscribeAsync(subscriptions, { qos: 1 });
    return listener;
  }

  /** Resolves when the broker has seen `count` SUBSCRIBEs for a filter from the Python program. */
  function subscribed(filter: string, count = 1, ms = 10000): Promise<void> {
    let seen = 0;
    return bounded(
      new Promise<void>((resolve) => {
        const onSubscribe = (subscriptions: Array<{ topic: string }>, client: { id: string } | null): void => {
          if (client?.id.startsWith('mqtt-blocks-') && subscriptions.some((s) => s.topic === filter) && ++seen >= count) {
            broker.aedes.removeListener('subscribe', onSubscribe);
            resolve();
          }
        };
        broker.aedes.on('subscribe', onSubscribe);
      }),
      ms,
      `subscribe ${filter}`,
    );
  }

  test('the programs below really run on this paho-mqtt generation', async () => {
    const probe = new PythonProgram('import paho.mqtt\nprint(paho.mqtt.__version__)\n', { pythonPath: flavour.pythonPath });
    programs.push(probe);
    expect(await probe.waitForExit()).toBe(0);
    expect(probe.lines[0]).toMatch(flavour.pythonPath ? /^2\./ : /^1\.6/);
  });

  test('no-mqtt: a program without MQTT blocks just runs', async () => {
    const program = start('no-mqtt');
    expect(await program.waitForExit()).toBe(0);
    expect(program.lines).toEqual(['1', '2', '3']);
  });

  test('tutorial publisher: typed lines arrive with QoS 1; Ctrl-C exits cleanly', async () => {
    const listener = await jsClient('classroom/chat');
    const program = start('tutorial-publisher');
    program.write('hello');
    program.write('你好 "class"');
    const messages = await listener.waitFor('classroom/chat', 2);
    expect(messages.map((m) => [m.payload, m.qos])).toEqual([['hello', 1], ['你好 "class"', 1]]);
    expect(await program.interrupt()).toBe(0);
    expect(program.lines.join('\n')).toMatch(/Stopped\.$/);
  });

  test('tutorial subscriber: prints every message under classroom/#', async () => {
    const ready = subscribed('classroom/#');
    const program = start('tutorial-subscriber');
    await ready;
    const publisher = await jsClient();
    await publisher.client.publishAsync('classroom/a', 'hello');
    await publisher.client.publishAsync('other/x', 'not mine');
    await publisher.client.publishAsync('classroom/b/c', '中文');
    await program.waitForLine('classroom/a: hello');
    await program.waitForLine('classroom/b/c: 中文');
    expect(program.lines.join('\n')).not.toContain('not mine');
    expect(await program.interrupt()).toBe(0);
  });

  test('tutorial subscriber as two files, main.py importing mqtt_blocks.py beside it', async () => {
    const ready = subscribed('classroom/#');
    const workspace = withText(workspaceJson('tutorial-subscriber'), 'mqtt://192.168.1.2:1883', `mqtt://127.0.0.1:${broker.port}`);
    const generated = generateBoardProgram(workspace as object, 'python', 'zh-cn');
    const program = new PythonProgram(generated.main.text, { pythonPath: flavour.pythonPath, files: { [generated.library!.name]: generated.library!.text } });
    programs.push(program);
    await ready;
    const publisher = await jsClient();
    await publisher.client.publishAsync('classroom/你好', '中文 "quoted"');
    await program.waitForLine('classroom/你好: 中文 "quoted"');
    expect(await program.interrupt()).toBe(0);
    expect(program.lines[program.lines.length - 1]).toBe('已停止。');
  });

  test('temperature sensor: JSON every 2 s', async () => {
    const listener = await jsClient('classroom/sensor/temperature');
    start('temperature-sensor');
    const readings = await listener.waitFor('classroom/sensor/temperature', 2, 12000);
    for (const reading of readings) {
      const value = JSON.parse(reading.payload) as { temp: number };
      expect(value.temp).toBeGreaterThanOrEqual(18);
      expect(value.temp).toBeLessThanOrEqual(26);
    }
  });

  test('lamp: home/+/lamp switches it and the state is published retained with QoS 1', async () => {
    const ready = subscribed('home/+/lamp');
    const program = start('lamp');
    await ready;
    const listener = await jsClient('home/lamp/state');
    await listener.client.publishAsync('home/kitchen/lamp', 'on');
    await program.waitForLine('Lamp ON, asked on home/kitchen/lamp');
    const [state] = await listener.waitFor('home/lamp/state');
    expect([state.payload, state.qos]).toEqual(['on', 1]);
    // A late subscriber gets the retained state.
    const late = await jsClient('home/lamp/state');
    const [retained] = await late.waitFor('home/lamp/state');
    expect([retained.payload, retained.retain]).toEqual(['on', true]);
  });

  test('will and wildcards: login, retained QoS 2 status, both hats, resubscribe after a drop, will on a crash', async () => {
    const listener = await jsClient('classroom/pupil1/status');
    const ready = Promise.all([subscribed('classroom/+/status'), subscribed('sensors/#')]);
    const program = start('will-and-wildcards');
    await ready;
    const [online] = await listener.waitFor('classroom/pupil1/status');
    expect([online.payload, online.qos]).toEqual(['online', 1]); // delivered at the subscriber's QoS 1
    await program.waitForLine('connected');
    await listener.client.publishAsync('sensors/room1', '{"sensors": [{"value": 21.5}]}');
    await listener.client.publishAsync('classroom/pupil2/status', 'away');
    await program.waitForLine('reading: 21.5');
    await program.waitForLine('classroom/pupil2/status is away');

    // Drop the connection from the broker side: paho reconnects and on_connect subscribes again.
    const resubscribed = Promise.all([subscribed('classroom/+/status'), subscribed('sensors/#')]);
    // aedes keeps its connected clients in `clients`, which its typings leave out.
    const connected = (broker.aedes as unknown as { clients: Record<string, { id: string; close(): void }> }).clients;
    const pythonClient = Object.values(connected).find((client) => client.id.startsWith('mqtt-blocks-'));
    expect(pythonClient).toBeDefined();
    pythonClient!.close();
    await program.waitForLine(/^lost: /);
    await resubscribed;
    await listener.client.publishAsync('sensors/room2', '{"sensors": [{"value": 7}]}');
    await program.waitForLine('reading: 7');

    // Pulling the plug: the broker publishes the last will.
    const offlineSeen = listener.messages.length;
    await program.kill();
    await bounded(
      (async () => {
        while (!listener.messages.slice(offlineSeen).some((m) => m.topic === 'classroom/pupil1/status' && m.payload === 'offline')) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })(),
      10000,
      'last will',
    );
  });

  test('a hat whose script raises: the traceback names its line, the program and the other hat go on', async () => {
    const ready = subscribed('class/fine');
    const workspace = withText(JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'broken-hat.workspace.json'), 'utf8')), 'mqtt://192.168.1.2:1883', `mqtt://127.0.0.1:${broker.port}`);
    const generated = generateBoardProgram(workspace as object, 'python', 'en');
    const divideLine = generated.main.text.split('\n').indexOf('    print(1 / 0)') + 1;
    expect(divideLine).toBeGreaterThan(0);
    const program = new PythonProgram(generated.main.text, { pythonPath: flavour.pythonPath, files: { [generated.library!.name]: generated.library!.text } });
    programs.push(program);
    await ready;
    const publisher = await jsClient();
    for (const [topic, payload] of [['class/broken', 'first 第一'], ['class/fine', 'still here 还在'], ['class/broken', 'second'], ['class/fine', 'again']]) {
      await publisher.client.publishAsync(topic, payload, { qos: 1 });
    }
    await program.waitForLine('class/fine: again');
    const out = program.lines.join('\n');
    const failures = out.split("Error in on_message_class_broken: ZeroDivisionError('division by zero')");
    expect(failures).toHaveLength(3);
    for (const failure of failures.slice(1)) {
      // CPython's own traceback, on stdout right under that line (the program file here is program.py).
      expect(failure).toMatch(new RegExp(`^\\nTraceback \\(most recent call last\\):\\n(.*\\n)*  File ".*program\\.py", line ${divideLine}, in on_message_class_broken\\n(.*\\n)*ZeroDivisionError: division by zero\\n`));
    }
    expect(program.lines.filter((line) => !line.startsWith(' ') && !/Traceback|Error/.test(line))).toEqual(['first 第一', 'class/fine: still here 还在', 'second', 'class/fine: again']);
    expect(await program.interrupt()).toBe(0);
  });

  test('dashboard: last message on a topic, then unsubscribe and a clean disconnect', async () => {
    const publisher = await jsClient();
    await publisher.client.publishAsync('classroom/news', 'no school tomorrow', { retain: true, qos: 1 });
    const program = start('dashboard');
    await program.waitForLine('news: no school tomorrow');
    expect(await program.waitForExit()).toBe(0);
  });
});
