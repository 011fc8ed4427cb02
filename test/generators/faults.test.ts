/**
 * Board programs survive faults. A generated Raspberry Pi program (Debian python3 + paho-mqtt) runs
 * against an in-process aedes broker that crashes and comes back on the same port: the program must
 * reconnect by itself, subscribe its hat again (the restarted broker remembers nothing) and keep
 * publishing. It also takes a 1 MB message into a hat. (MicroPython faults: micropython-run.test.ts,
 * "connection trouble".) Every wait is bounded; the program is killed in afterAll.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { generateFromWorkspaceJson } from '../../src/generators/headless';
import { PythonProgram } from '../support/python-program';
import { sleep, waitFor } from '../support/ports';
import { describeWithTool, PAHO_FLAVOURS } from '../support/system-tool';
import { startTestBroker, type TestBroker } from '../support/test-broker';

jest.setTimeout(60000);

const text = (value: string): Record<string, unknown> => ({ shadow: { type: 'text', fields: { TEXT: value } } });

/** Blocks: connect; forever { publish "tick" to fault/tick; wait 0.3 } + two hats (echo, payload length). */
function workspace(url: string): Record<string, unknown> {
  const publish = (message: Record<string, unknown>, topic: string, next?: Record<string, unknown>): Record<string, unknown> => ({
    type: 'mqtt_publish',
    inputs: { MESSAGE: message, TOPIC: text(topic) },
    ...(next ? { next: { block: next } } : {}),
  });
  return {
    blocks: {
      languageVersion: 0,
      blocks: [
        {
          type: 'mqtt_connect',
          x: 0,
          y: 0,
          inputs: { URL: text(url), USERNAME: text(''), PASSWORD: text('') },
          next: {
            block: {
              type: 'controls_whileUntil',
              fields: { MODE: 'WHILE' },
              inputs: {
                BOOL: { block: { type: 'logic_boolean', fields: { BOOL: 'TRUE' } } },
                DO: { block: publish(text('tick'), 'fault/tick', { type: 'mqtt_wait', inputs: { SECONDS: { shadow: { type: 'math_number', fields: { NUM: 0.3 } } } } }) },
              },
            },
          },
        },
        { type: 'mqtt_whenMessage', x: 0, y: 300, inputs: { TOPIC: text('fault/in') }, next: { block: publish({ block: { type: 'mqtt_message' } }, 'fault/echo') } },
        {
          type: 'mqtt_whenMessage',
          x: 0,
          y: 500,
          inputs: { TOPIC: text('big/in') },
          next: { block: publish({ block: { type: 'text_length', inputs: { VALUE: { block: { type: 'mqtt_message' } } } } }, 'big/len') },
        },
      ],
    },
  };
}

for (const flavour of PAHO_FLAVOURS) describeWithTool(flavour.check(), `a generated Python program survives a broker crash and a 1 MB message on ${flavour.name}`, () => {
  let broker: TestBroker;
  let program: PythonProgram;
  let client: MqttClient;
  const received: Array<{ topic: string; payload: Buffer; at: number }> = [];
  const on = (topic: string, from = 0): string[] =>
    received.slice(from).filter((m) => m.topic === topic).map((m) => m.payload.toString('utf8'));

  /** Publishes to the hat's topic until the program's echo arrives (its subscription may still be on its way). */
  async function echoed(payload: string, ms = 20000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (client.connected) client.publish('fault/in', payload);
      if (await waitFor(() => on('fault/echo').includes(payload), 500, 20)) return true;
    }
    return false;
  }

  beforeAll(async () => {
    broker = await startTestBroker();
    // The test's own client reconnects too (and mqtt.js subscribes again), so it sees the program after the crash.
    client = await mqtt.connectAsync(broker.tcpUrl, { reconnectPeriod: 200, connectTimeout: 3000 });
    client.on('message', (topic, payload) => received.push({ topic, payload, at: Date.now() }));
    await client.subscribeAsync(['fault/tick', 'fault/echo', 'big/len'], { qos: 0 });
    program = new PythonProgram(generateFromWorkspaceJson(workspace(broker.tcpUrl), 'python'), { pythonPath: flavour.pythonPath });
  });

  afterAll(async () => {
    await program?.kill();
    client?.end(true);
    await broker?.close();
  });

  afterEach(() => {
    // A crash inside the program (a traceback) fails whichever step caused it.
    expect(program.errors).not.toMatch(/Traceback|Error/);
  });

  test('runs: publishes ticks and echoes a message to its hat', async () => {
    expect(await waitFor(() => on('fault/tick').length >= 2, 15000)).toBe(true);
    expect(await echoed('before')).toBe(true);
  });

  test('broker stops and starts again: reconnects, subscribes the hat again, keeps publishing', async () => {
    await broker.stop();
    const stoppedAt = received.length;
    await program.waitForLine(/Lost the connection/, 10000);
    await sleep(1500); // down for a while: the program keeps running (its publishes note the error)
    expect(on('fault/tick', stoppedAt)).toEqual([]);
    await broker.start();
    const restartedAt = received.length;
    // Keeps publishing after reconnecting by itself...
    expect(await waitFor(() => on('fault/tick', restartedAt).length >= 3, 25000)).toBe(true);
    // ...and its hat works again: the restarted broker knew no subscriptions, so the program made them again.
    expect(await echoed('after restart')).toBe(true);
    expect(on('fault/echo')).toEqual(expect.arrayContaining(['before', 'after restart']));
  });

  test('a 1 MB message reaches the hat whole (the program reports its length)', async () => {
    const size = 1024 * 1024;
    const from = received.length;
    await client.publishAsync('big/in', Buffer.alloc(size, 'x'), { qos: 1 });
    expect(await waitFor(() => on('big/len', from).length > 0, 20000)).toBe(true);
    expect(on('big/len', from)).toEqual([String(size)]);
    // Still alive afterwards.
    expect(await echoed('after 1 MB')).toBe(true);
  });
});
