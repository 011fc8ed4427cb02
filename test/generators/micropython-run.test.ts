/**
 * Every generated MicroPython program runs in the real MicroPython interpreter against strict
 * stand-ins for network, machine and umqtt.simple (test/support/micropython). The tests read the
 * recorded calls: order, arguments, keywords, and which hat bodies ran for the messages fed in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bytesText, callsOf, runMicroPython, type Call, type RunResult, type Scenario } from '../support/micropython/run';
import { generateBoardProgram, generateFromWorkspaceJson } from '../../src/generators/headless';
import { FIXTURES, generateFixture, workspaceJson } from './fixtures';

jest.setTimeout(60000);

async function run(name: string, scenario: Scenario = {}): Promise<RunResult> {
  const result = await runMicroPython(generateFixture(name, 'micropython'), scenario);
  if (result.error) {
    throw new Error(`${name} raised ${result.error.type}: ${result.error.message}\n${result.stdout.join('\n')}`);
  }
  return result;
}

const names = (result: RunResult): string[] => result.calls.map((call) => call.call);
const indexOf = (result: RunResult, name: string): number => names(result).indexOf(name);
const topics = (calls: Call[]): string[] => calls.map((call) => bytesText(call.args[0]));

describe('every classroom program compiles and runs in MicroPython', () => {
  test.each(FIXTURES)('%s', async (name) => {
    const result = await run(name, { inputs: ['hello'], max_check_msg: 30 });
    expect(result.error).toBeNull();
    const connect = indexOf(result, 'connect');
    if (connect >= 0) {
      // Wi-Fi first, then the client, then the connection, then subscriptions.
      expect(indexOf(result, 'WLAN.connect')).toBeGreaterThanOrEqual(0);
      expect(indexOf(result, 'WLAN.connect')).toBeLessThan(indexOf(result, 'MQTTClient'));
      expect(indexOf(result, 'set_callback')).toBeLessThan(connect);
      const subscribe = indexOf(result, 'subscribe');
      if (subscribe >= 0) expect(subscribe).toBeGreaterThan(connect);
    }
  });
});

describe('every classroom program runs as two files too (main.py importing mqtt_blocks.py beside it)', () => {
  test.each(FIXTURES)('%s', async (name) => {
    const program = generateBoardProgram(workspaceJson(name), 'micropython', 'zh-cn');
    const files = program.library === null ? {} : { [program.library.name]: program.library.text };
    const oneFile = await runMicroPython(generateFixture(name, 'micropython'), { inputs: ['hello'], max_check_msg: 30 });
    const twoFiles = await runMicroPython(program.main.text, { inputs: ['hello'], max_check_msg: 30 }, 20000, files);
    expect(twoFiles.error).toBeNull();
    // The same calls to the board's modules, in the same order, at the same (virtual) times.
    const shape = (result: RunResult): string[] => result.calls.map((call) => `${call.t} ${call.call}`);
    expect(shape(twoFiles)).toEqual(shape(oneFile));
  });
});

describe('tutorial publisher', () => {
  test('sends each typed line with QoS 1 (by keyword), retain off, from a per-board client id', async () => {
    const result = await run('tutorial-publisher', { inputs: ['hello', '你好 "class"'] });
    const [client] = callsOf(result, 'MQTTClient');
    expect(client.args).toEqual(['mqtt-blocks-246f28a1b2c3', '192.168.1.2']);
    expect(client.kwargs).toMatchObject({ port: 1883, user: null, password: null, keepalive: 60 });
    const publishes = callsOf(result, 'publish');
    expect(publishes.map((call) => bytesText(call.args[1]))).toEqual(['hello', '你好 "class"']);
    expect(topics(publishes)).toEqual(['classroom/chat', 'classroom/chat']);
    publishes.forEach((call) => expect(call.kwargs).toEqual({ qos: 1, retain: false }));
    // Ended by the stand-in (inputs ran out): the program leaves the broker politely.
    expect(names(result).pop()).toBe('disconnect');
  });
});

describe('tutorial subscriber', () => {
  test('subscribes its hat after connecting and prints every matching message', async () => {
    const result = await run('tutorial-subscriber', {
      max_check_msg: 10,
      events: {
        '2': [{ topic: 'classroom/a', payload: 'hello' }, { topic: 'classroom/b/c', payload: '中文' }],
        '3': [{ topic: 'other/x', payload: 'not mine' }, { topic: '$SYS/classroom', payload: 'system' }],
        '4': [{ topic: 'classroom/raw', payload_bytes: [0x68, 0xff, 0x69] }],
      },
    });
    expect(callsOf(result, 'subscribe').map((call) => [bytesText(call.args[0]), call.kwargs.qos])).toEqual([['classroom/#', 0]]);
    expect(indexOf(result, 'subscribe')).toBeGreaterThan(indexOf(result, 'connect'));
    expect(result.stdout).toEqual(expect.arrayContaining(['classroom/a: hello', 'classroom/b/c: 中文', 'classroom/raw: h\ufffdi']));
    expect(result.stdout.join('\n')).not.toMatch(/not mine|system/);
  });
});

describe('temperature sensor', () => {
  test('publishes JSON every 2 s and pings within the keep-alive', async () => {
    const result = await run('temperature-sensor', { max_check_msg: 12000 });
    const publishes = callsOf(result, 'publish');
    expect(publishes.length).toBeGreaterThan(50);
    for (const call of publishes) {
      expect(bytesText(call.args[0])).toBe('classroom/sensor/temperature');
      const reading = JSON.parse(bytesText(call.args[1])) as { temp: number };
      expect(reading.temp).toBeGreaterThanOrEqual(18);
      expect(reading.temp).toBeLessThanOrEqual(26);
      expect(call.kwargs).toEqual({ qos: 0, retain: false });
    }
    const gaps = publishes.slice(1).map((call, i) => call.t - publishes[i].t);
    gaps.forEach((gap) => expect(Math.abs(gap - 2000)).toBeLessThanOrEqual(50));
    // Keep-alive 60 s: the program pings well within it.
    const pings = callsOf(result, 'ping');
    expect(pings.length).toBeGreaterThan(0);
    const pingTimes = [callsOf(result, 'connect')[0].t, ...pings.map((call) => call.t)];
    pingTimes.slice(1).forEach((t, i) => expect(t - pingTimes[i]).toBeLessThan(60000));
  });
});

describe('lamp switched by home/+/lamp', () => {
  test('runs the hat for matching topics only and reports the state retained with QoS 1', async () => {
    const result = await run('lamp', {
      max_check_msg: 10,
      events: {
        '2': [{ topic: 'home/kitchen/lamp', payload: 'on' }],
        '3': [{ topic: 'home/a/b/lamp', payload: 'on' }, { topic: 'home/lamp', payload: 'on' }],
        '4': [{ topic: 'home/hall/lamp', payload: 'off' }],
      },
    });
    expect(result.stdout).toEqual(['Wi-Fi connected: 192.168.1.50', 'Lamp ON, asked on home/kitchen/lamp', 'Lamp OFF']);
    const publishes = callsOf(result, 'publish');
    expect(publishes.map((call) => [bytesText(call.args[0]), bytesText(call.args[1]), call.kwargs])).toEqual([
      ['home/lamp/state', 'on', { qos: 1, retain: true }],
      ['home/lamp/state', 'off', { qos: 1, retain: true }],
    ]);
  });
});

describe('last will and two wildcard hats', () => {
  const scenario: Scenario = {
    max_check_msg: 20,
    events: {
      '2': [{ topic: 'classroom/pupil2/status', payload: 'online' }, { topic: 'sensors/room1', payload: '{"sensors": [{"value": 21.5}]}' }],
      '3': [{ topic: 'sensors/room2', payload: 'not json' }],
      '5': [{ oserror: true }],
      '8': [{ topic: 'sensors/x', payload: '{"sensors": [{"value": 7}]}' }],
    },
  };

  test('sets the will before connecting, logs in, caps QoS 2 at 1 and dispatches both hats', async () => {
    const result = await run('will-and-wildcards', scenario);
    const [will] = callsOf(result, 'set_last_will');
    expect([bytesText(will.args[0]), bytesText(will.args[1]), will.kwargs]).toEqual(['classroom/pupil1/status', 'offline', { retain: false, qos: 0 }]);
    expect(indexOf(result, 'set_last_will')).toBeLessThan(indexOf(result, 'connect'));
    const [client] = callsOf(result, 'MQTTClient');
    expect(bytesText(client.kwargs.user)).toBe('pupil1');
    expect(bytesText(client.kwargs.password)).toBe('let-me-in');
    const [online] = callsOf(result, 'publish');
    expect([bytesText(online.args[1]), online.kwargs]).toEqual(['online', { qos: 1, retain: true }]);
    expect(result.stdout).toEqual(
      expect.arrayContaining(['connected', 'classroom/pupil2/status is online', 'reading: 21.5', 'reading: ', 'reading: 7']),
    );
  });

  test('a dropped connection (OSError in check_msg) reconnects and subscribes every filter again', async () => {
    const result = await run('will-and-wildcards', scenario);
    const drop = indexOf(result, 'check_msg:oserror');
    expect(drop).toBeGreaterThan(0);
    const before = result.calls.slice(0, drop);
    const after = result.calls.slice(drop);
    const filters = (calls: Call[]): string[] => calls.filter((c) => c.call === 'subscribe').map((c) => `${bytesText(c.args[0])}@${JSON.stringify(c.kwargs.qos)}`);
    expect(after.filter((call) => call.call === 'connect')).toHaveLength(1);
    expect(after.filter((call) => call.call === 'set_last_will')).toHaveLength(1);
    expect(filters(after).sort()).toEqual(['classroom/+/status@0', 'sensors/#@1']);
    expect(filters(before)).toContain('sensors/#@1');
    // The disconnected hat ran with the error text, then the connected hat again.
    const lost = result.stdout.findIndex((line) => line.startsWith('lost: Lost the connection'));
    expect(lost).toBeGreaterThan(0);
    expect(result.stdout.slice(lost)).toContain('connected');
    expect(result.stdout).toContain('reading: 7');
  });
});

describe('dashboard (subscribe, isConnected, lastMessageOn, unsubscribe, disconnect)', () => {
  test('reads the last message of a topic while waiting, then leaves cleanly', async () => {
    const result = await run('dashboard', { max_check_msg: 500, events: { '3': [{ topic: 'classroom/news', payload: 'no school tomorrow' }] } });
    expect(callsOf(result, 'subscribe').map((call) => call.kwargs.qos)).toEqual([1]);
    expect(result.stdout).toContain('news: no school tomorrow');
    expect(callsOf(result, 'disconnect')).toHaveLength(1);
  });
});

describe('connection trouble', () => {
  test('a refused login is reported once, without a reconnect storm', async () => {
    const result = await run('tutorial-subscriber', { connect_results: ['refuse:4'], max_virtual_ms: 60000 });
    expect(callsOf(result, 'connect')).toHaveLength(1);
    expect(result.stdout).toContain('The broker refused the connection: wrong username or password.');
  });

  test('the broker goes away mid-session: retried 5 s apart until back, every hat filter subscribed again, hats run again', async () => {
    const result = await run('will-and-wildcards', {
      max_check_msg: 12,
      connect_results: ['ok', 'oserror', 'oserror'],
      events: {
        '3': [{ topic: 'classroom/pupil2/status', payload: 'online' }],
        '5': [{ oserror: true }],
        '8': [{ topic: 'classroom/pupil3/status', payload: 'back' }, { topic: 'sensors/x', payload: '{"sensors": [{"value": 7}]}' }],
      },
    });
    const drop = indexOf(result, 'check_msg:oserror');
    expect(drop).toBeGreaterThan(0);
    const after = result.calls.slice(drop);
    expect(after[1].call).toBe('sock.close');
    const connects = after.filter((call) => call.call === 'connect');
    expect(connects).toHaveLength(3);
    // Not a storm: the failed attempts are MQTT_RETRY_EVERY_MS (5 s) apart.
    expect(connects[1].t - connects[0].t).toBeGreaterThanOrEqual(5000);
    expect(connects[2].t - connects[1].t).toBeGreaterThanOrEqual(5000);
    // Subscribed again only once connected, and to every filter (the hats' and the subscribe block's QoS 1).
    const lastConnect = result.calls.lastIndexOf(connects[2]);
    expect(after.slice(0, after.indexOf(connects[2])).some((call) => call.call === 'subscribe')).toBe(false);
    const resubscribed = result.calls.slice(lastConnect).filter((call) => call.call === 'subscribe');
    expect(resubscribed.map((call) => `${bytesText(call.args[0])}@${JSON.stringify(call.kwargs.qos)}`).sort()).toEqual(['classroom/+/status@0', 'sensors/#@1']);
    // The pupil sees the loss and each failed attempt; then the hats run again.
    const lost = result.stdout.findIndex((line) => line.startsWith('lost: Lost the connection'));
    expect(lost).toBeGreaterThan(0);
    const later = result.stdout.slice(lost);
    expect(later.filter((line) => line.startsWith('Cannot reach the broker'))).toHaveLength(2);
    expect(later).toEqual(expect.arrayContaining(['connected', 'classroom/pupil3/status is back', 'reading: 7']));
    expect(result.stdout).toContain('classroom/pupil2/status is online');
  });

  test('a CONNACK refusal (not authorised, code 5) is put in "connection error" and never retried', async () => {
    const workspace = {
      blocks: {
        languageVersion: 0,
        blocks: [
          {
            type: 'mqtt_connect',
            x: 0,
            y: 0,
            inputs: {
              URL: { shadow: { type: 'text', fields: { TEXT: 'mqtt://192.168.1.2:1883' } } },
              USERNAME: { shadow: { type: 'text', fields: { TEXT: 'pupil1' } } },
              PASSWORD: { shadow: { type: 'text', fields: { TEXT: 'wrong' } } },
            },
            next: { block: { type: 'text_print', inputs: { TEXT: { block: { type: 'mqtt_lastError' } } } } },
          },
          { type: 'mqtt_whenMessage', x: 0, y: 300, inputs: { TOPIC: { shadow: { type: 'text', fields: { TEXT: 'a/b' } } } } },
        ],
      },
    };
    const result = await runMicroPython(generateFromWorkspaceJson(workspace, 'micropython'), { connect_results: ['refuse:5'], max_virtual_ms: 60000 });
    expect(result.error).toBeNull();
    const refusal = 'The broker refused the connection: not authorised: check the username and password.';
    // Printed by the runtime, then by the pupil's "print connection error" block.
    expect(result.stdout.filter((line) => line === refusal)).toHaveLength(2);
    // A minute of listening: one attempt, no subscriptions, no storm.
    expect(callsOf(result, 'connect')).toHaveLength(1);
    expect(callsOf(result, 'subscribe')).toHaveLength(0);
  });

  test('an unreachable broker is retried every few seconds, and subscribed once reached', async () => {
    const result = await run('tutorial-subscriber', { connect_results: ['oserror', 'oserror'], max_check_msg: 5 });
    const connects = callsOf(result, 'connect');
    expect(connects).toHaveLength(3);
    expect(connects[1].t - connects[0].t).toBeGreaterThanOrEqual(5000);
    expect(indexOf(result, 'subscribe')).toBeGreaterThan(names(result).lastIndexOf('connect'));
  });
});

describe('the stand-ins are strict (a generator mistake cannot pass unnoticed)', () => {
  const cases: Array<[string, string]> = [
    ['retain/qos passed positionally', "c.publish(b't', b'm', 1)"],
    ['QoS 2 publish', "c.publish(b't', b'm', qos=2)"],
    ['unknown keyword', "c.publish(b't', b'm', qos=1, dup=True)"],
    ['non-ASCII str topic', "c.publish('温度', b'm')"],
    ['wrong MQTTClient keyword', "MQTTClient('id', 'host', port=1883, username='u')"],
    ['subscribe with QoS 2', "c.subscribe(b't', qos=2)"],
    ['connect() positional junk', 'c.connect(True, 5)'],
  ];
  test.each(cases)('%s raises', async (_label, line) => {
    const program = [
      'from umqtt.simple import MQTTClient',
      "c = MQTTClient('id', 'host', port=1883)",
      'c.set_callback(lambda t, m: None)',
      'c.connect()',
      line,
    ].join('\n');
    const result = await runMicroPython(program);
    expect(result.error?.type).toMatch(/TypeError|AssertionError/);
  });
});

describe('a broker URL built from other blocks is checked on the board', () => {
  const workspace = (url: string): object => ({
    variables: [{ name: 'broker', id: 'var-broker' }],
    blocks: {
      languageVersion: 0,
      blocks: [
        {
          type: 'variables_set',
          x: 0,
          y: 0,
          fields: { VAR: { id: 'var-broker' } },
          inputs: { VALUE: { block: { type: 'text', fields: { TEXT: url } } } },
          next: { block: { type: 'mqtt_connect', inputs: { URL: { block: { type: 'variables_get', fields: { VAR: { id: 'var-broker' } } } } } } },
        },
      ],
    },
  });

  test('mqtt://host:port connects to that host and port', async () => {
    const result = await runMicroPython(generateFromWorkspaceJson(workspace('mqtt://10.0.0.9:1884'), 'micropython'));
    expect(result.error).toBeNull();
    const [client] = callsOf(result, 'MQTTClient');
    expect([client.args[1], client.kwargs.port]).toEqual(['10.0.0.9', 1884]);
  });

  test('a WebSocket URL is explained, not attempted', async () => {
    const result = await runMicroPython(generateFromWorkspaceJson(workspace('ws://10.0.0.9:8000/mqtt'), 'micropython'));
    expect(result.error).toBeNull();
    expect(callsOf(result, 'MQTTClient')).toHaveLength(0);
    expect(result.stdout.join('\n')).toMatch(/not a broker address a board can use. Write it like mqtt:\/\/192.168.1.2:1883 \(not ws:\/\//);
  });
});

describe('a hat whose script raises', () => {
  test('prints the standard traceback with main.py\'s line, and every later message still runs its hat', async () => {
    const workspace = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'broken-hat.workspace.json'), 'utf8')) as object;
    const program = generateBoardProgram(workspace, 'micropython', 'zh-cn');
    const divideLine = program.main.text.split('\n').indexOf('    print(1 / 0)') + 1;
    expect(divideLine).toBeGreaterThan(0);
    const result = await runMicroPython(program.main.text, {
      max_check_msg: 10,
      events: {
        '2': [{ topic: 'class/broken', payload: 'first 第一' }, { topic: 'class/fine', payload: 'still here 还在' }],
        '3': [{ topic: 'class/broken', payload: 'second' }, { topic: 'class/fine', payload: 'again' }],
      },
    }, 20000, { [program.library!.name]: program.library!.text });
    expect(result.error).toBeNull();
    const out = result.stdout.join('\n');
    // Each failure: the pupil's language line naming the script, then MicroPython's own traceback.
    const failures = out.split('on_message_class_broken 出错了：ZeroDivisionError');
    expect(failures).toHaveLength(3);
    for (const failure of failures.slice(1)) {
      // The harness runs main.py's text as "<string>" (a board names it main.py).
      expect(failure).toMatch(new RegExp(`^.*\\nTraceback \\(most recent call last\\):\\n(  File .*\\n)*  File "<string>", line ${divideLine}, in on_message_class_broken\\nZeroDivisionError: divide by zero`));
    }
    expect(result.stdout).toEqual(expect.arrayContaining(['first 第一', 'class/fine: still here 还在', 'second', 'class/fine: again']));
    expect(result.stdout.indexOf('class/fine: again')).toBeGreaterThan(result.stdout.indexOf('second'));
  });
});
