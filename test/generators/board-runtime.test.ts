/**
 * What a pupil sees at run time when something is wrong, on the board (real MicroPython with the
 * strict stand-ins) and on the Raspberry Pi target (CPython): a refused subscription, a topic made
 * by blocks that can never work, publishing while not connected, the board's messages in Chinese;
 * and the probes of issue 10 (variables called random/math, procedure parameters saved as ids,
 * a chain of 2,000 blocks).
 */
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import type { Aedes } from '../../src/server/aedes-loader';
import { PythonProgram } from '../support/python-program';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TARGETS } from '../../blocks/codegen';
import { generateBoardProgram, generateFromWorkspaceJson } from '../../src/generators/headless';
import { bytesText, callsOf, runMicroPython } from '../support/micropython/run';
import { DEBIAN_PYTHON, describeWithTool, PAHO_FLAVOURS, pahoCheck } from '../support/system-tool';

jest.setTimeout(60000);

type Json = Record<string, unknown>;
const text = (value: string): Json => ({ shadow: { type: 'text', fields: { TEXT: value } } });
const connect: Json = { type: 'mqtt_connect', inputs: { URL: text('mqtt://192.168.1.2:1883'), USERNAME: text(''), PASSWORD: text('') } };

/** Blocks stacked in order, as one script at the top of the workspace. */
function script(...blocks: Json[]): Json {
  let next: Json | undefined;
  for (const block of [...blocks].reverse()) next = next ? { ...block, next: { block: next } } : block;
  return { ...next, x: 0, y: 0 };
}

function workspace(blocks: Json[], variables: Json[] = []): Json {
  return { variables, blocks: { languageVersion: 0, blocks } };
}

const printError: Json = { type: 'text_print', inputs: { TEXT: { block: { type: 'mqtt_lastError' } } } };

describe('MicroPython board', () => {
  test('a refused subscription is said once in plain words, the board goes on, and a reconnect does not ask again', async () => {
    const program = generateFromWorkspaceJson(
      workspace([script(connect, { type: 'mqtt_subscribe', fields: { QOS: '0' }, inputs: { TOPIC: text('secret/#') } }, printError), { type: 'mqtt_whenMessage', x: 0, y: 300, inputs: { TOPIC: text('open/+') } }]),
      'micropython',
    );
    const result = await runMicroPython(program, { refuse_subscribe: ['secret/#'], max_check_msg: 12, events: { '3': [{ oserror: true }], '8': [{ topic: 'open/x', payload: 'hi' }] } });
    expect(result.error).toBeNull();
    const said = 'The broker refused the subscription to secret/#: ask your teacher.';
    // Printed by the library, then by the pupil's "print connection error" block.
    expect(result.stdout.filter((line) => line === said)).toHaveLength(2);
    const subscribed = callsOf(result, 'subscribe').map((call) => bytesText(call.args[0]));
    expect(subscribed.filter((topic) => topic === 'secret/#')).toHaveLength(1);
    expect(subscribed.filter((topic) => topic === 'open/+')).toHaveLength(2); // again after the reconnect
  });

  test('a topic made by blocks that can never work is explained and not sent; the next good one goes out', async () => {
    const variables = [{ name: 'where', id: 'v-where' }];
    const setWhere = (value: string): Json => ({ type: 'variables_set', fields: { VAR: { id: 'v-where' } }, inputs: { VALUE: { block: { type: 'text', fields: { TEXT: value } } } } });
    const publishWhere: Json = { type: 'mqtt_publish', inputs: { MESSAGE: text('21'), TOPIC: { block: { type: 'variables_get', fields: { VAR: { id: 'v-where' } } } } } };
    const program = generateFromWorkspaceJson(workspace([script(connect, setWhere('class1/#/temp'), publishWhere, printError, setWhere('class1/temp'), publishWhere)], variables), 'micropython');
    const result = await runMicroPython(program);
    expect(result.error).toBeNull();
    expect(result.stdout).toContain('Cannot use the topic "class1/#/temp": + and # are only for subscribing.');
    expect(callsOf(result, 'publish').map((call) => bytesText(call.args[0]))).toEqual(['class1/temp']);
    expect(callsOf(result, 'connect')).toHaveLength(1); // no reconnect loop
  });

  test('a hat, a subscribe and a last will on topics made by blocks that can never work are explained; the good ones are used', async () => {
    // Joined from two pieces, so only the board can check them (the library then carries the check).
    const joined = (a: string, b: string): Json => ({ block: { type: 'text_join', extraState: { itemCount: 2 }, inputs: { ADD0: text(a), ADD1: text(b) } } });
    const subscribe = (a: string, b: string): Json => ({ type: 'mqtt_subscribe', fields: { QOS: '0' }, inputs: { TOPIC: joined(a, b) } });
    const will: Json = { type: 'mqtt_setLastWill', inputs: { MESSAGE: text('bye'), TOPIC: joined('class1/#', '/gone') } };
    const hat = (a: string, b: string, y: number): Json => ({ type: 'mqtt_whenMessage', x: 0, y, inputs: { TOPIC: joined(a, b) }, next: { block: { type: 'text_print', inputs: { TEXT: { block: { type: 'mqtt_message' } } } } } });
    const program = generateFromWorkspaceJson(
      workspace([script(will, connect, subscribe('class1/#', '/temp'), subscribe('class1/', '+/temp')), hat('class1/+', '+/led', 300), hat('class1/', '+/led', 500)]),
      'micropython',
    );
    const result = await runMicroPython(program, { max_check_msg: 6, events: { '2': [{ topic: 'class1/a/led', payload: 'on' }] } });
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(expect.arrayContaining([
      'Cannot use the topic "class1/#/gone": + and # are only for subscribing.',
      'Cannot use the topic "class1/#/temp": # and + must fill a whole level, like a/+/b or a/#.',
      'Cannot use the topic "class1/++/led": # and + must fill a whole level, like a/+/b or a/#.',
    ]));
    expect(callsOf(result, 'set_last_will')).toHaveLength(0);
    expect(callsOf(result, 'subscribe').map((call) => bytesText(call.args[0])).sort()).toEqual(['class1/+/led', 'class1/+/temp']);
    expect(result.stdout.filter((line) => line === 'on')).toHaveLength(1); // only the good hat runs
    expect(callsOf(result, 'connect')).toHaveLength(1); // no reconnect loop
  });

  test('publishing while not connected is said once, not once per message', async () => {
    const publish: Json = { type: 'mqtt_publish', inputs: { MESSAGE: text('x'), TOPIC: text('a/b') } };
    const program = generateFromWorkspaceJson(workspace([script(publish, publish, publish, connect, publish)]), 'micropython');
    const result = await runMicroPython(program);
    expect(result.error).toBeNull();
    expect(result.stdout.filter((line) => line.startsWith('Not connected'))).toEqual(['Not connected, so the message to a/b was not sent. Use "connect" first.']);
    expect(callsOf(result, 'publish')).toHaveLength(1);
  });

  test('a program made in the Chinese editor speaks Chinese on the board', async () => {
    const program = generateFromWorkspaceJson(workspace([script(connect, printError), { type: 'mqtt_whenMessage', x: 0, y: 300, inputs: { TOPIC: text('a/b') } }]), 'micropython', 'zh-cn');
    const result = await runMicroPython(program, { connect_results: ['refuse:4'], max_virtual_ms: 20000 });
    expect(result.error).toBeNull();
    expect(result.stdout).toContain('服务器拒绝了连接：用户名或密码错误。');
  });

  test('main.py and mqtt_blocks.py as two files on the board: main.py imports the library', async () => {
    const program = generateBoardProgram(workspace([script(connect, { type: 'mqtt_publish', inputs: { MESSAGE: text('你好'), TOPIC: text('a/b') } })]), 'micropython');
    // The library as its own file beside main.py, imported the way a board imports /mqtt_blocks.py.
    const result = await runMicroPython(program.main.text, {}, 20000, { [program.library!.name]: program.library!.text });
    expect(result.error).toBeNull();
    expect(callsOf(result, 'publish').map((call) => bytesText(call.args[1]))).toEqual(['你好']);
  });
});

for (const flavour of PAHO_FLAVOURS) describeWithTool(flavour.check(), `Raspberry Pi program on ${flavour.name}, on a live broker that refuses a topic`, () => {
  let aedes: Aedes;
  let server: net.Server;
  let port: number;
  const programs: PythonProgram[] = [];

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- aedes is loaded through jest's moduleNameMapper, as in python-live.test.ts
    const { Aedes: AedesClass } = require('aedes') as typeof import('aedes', { with: { 'resolution-mode': 'import' } });
    aedes = await AedesClass.createBroker({
      // secret/# is the teacher's: a null subscription answers SUBACK 0x80, as the classroom server does.
      authorizeSubscribe: (_client, subscription, done) => done(null, subscription.topic.startsWith('secret/') ? null : subscription),
    });
    server = net.createServer(aedes.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await Promise.all(programs.map((program) => program.kill()));
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('a refused subscription and an impossible topic are said in plain words; the program keeps receiving', async () => {
    const variables = [{ name: 'where', id: 'v-where' }];
    const blocks = [
      script(
        { type: 'mqtt_connect', inputs: { URL: text(`mqtt://127.0.0.1:${port}`), USERNAME: text(''), PASSWORD: text('') } },
        { type: 'mqtt_subscribe', fields: { QOS: '1' }, inputs: { TOPIC: text('secret/#') } },
        { type: 'variables_set', fields: { VAR: { id: 'v-where' } }, inputs: { VALUE: { block: { type: 'text', fields: { TEXT: 'class1/#/temp' } } } } },
        { type: 'mqtt_subscribe', fields: { QOS: '0' }, inputs: { TOPIC: { block: { type: 'variables_get', fields: { VAR: { id: 'v-where' } } } } } },
        { type: 'mqtt_publish', inputs: { MESSAGE: text('x'), TOPIC: { block: { type: 'variables_get', fields: { VAR: { id: 'v-where' } } } } } },
      ),
      { type: 'mqtt_whenMessage', x: 0, y: 400, inputs: { TOPIC: text('open/+') }, next: { block: { type: 'text_print', inputs: { TEXT: { block: { type: 'mqtt_message' } } } } } },
    ];
    const program = new PythonProgram(generateFromWorkspaceJson(workspace(blocks, variables), 'python'), { pythonPath: flavour.pythonPath });
    programs.push(program);
    await program.waitForLine('The broker refused the subscription to secret/#: ask your teacher.');
    await program.waitForLine('Cannot use the topic "class1/#/temp": # and + must fill a whole level, like a/+/b or a/#.');
    await program.waitForLine('Cannot use the topic "class1/#/temp": + and # are only for subscribing.');
    // paho's network thread is alive: a message still reaches the hat.
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0 });
    await client.publishAsync('open/door', 'still listening');
    await program.waitForLine('still listening');
    await client.endAsync();
    expect(program.errors).toBe('');
  });
});

describe('probes of issue 10', () => {
  const number = (value: number): Json => ({ block: { type: 'math_number', fields: { NUM: value } } });
  const randomInt = (from: number, to: number): Json => ({ type: 'math_random_int', inputs: { FROM: number(from), TO: number(to) } });
  const randomAndMath = workspace(
    [
      script(
        { type: 'variables_set', fields: { VAR: { id: 'v-random' } }, inputs: { VALUE: { block: randomInt(1, 1) } } },
        { type: 'variables_set', fields: { VAR: { id: 'v-math' } }, inputs: { VALUE: { block: { type: 'math_single', fields: { OP: 'ROOT' }, inputs: { NUM: number(16) } } } } },
        { type: 'text_print', inputs: { TEXT: { block: randomInt(5, 5) } } },
        { type: 'text_print', inputs: { TEXT: { block: { type: 'variables_get', fields: { VAR: { id: 'v-math' } } } } } },
      ),
    ],
    [
      { name: 'random', id: 'v-random' },
      { name: 'math', id: 'v-math' },
    ],
  );

  const procedureWithIds = workspace(
    [
      {
        type: 'procedures_defnoreturn',
        x: 0,
        y: 0,
        fields: { NAME: 'show' },
        extraState: { params: [{ name: 'x', id: 'var-x' }] },
        inputs: { STACK: { block: { type: 'text_print', inputs: { TEXT: { block: { type: 'variables_get', fields: { VAR: { id: 'var-x' } } } } } } } },
      },
      { type: 'procedures_callnoreturn', x: 0, y: 200, extraState: { name: 'show', params: ['var-x'] }, inputs: { ARG0: { block: { type: 'text', fields: { TEXT: 'shown' } } } } },
    ],
    [{ name: 'x', id: 'var-x' }],
  );

  const chain = (length: number): Json => {
    const blocks = Array.from({ length }, (_, i) => ({ type: 'text_print', inputs: { TEXT: text(String(i)) } }));
    return workspace([script(...blocks)]);
  };

  test('"change by" and "average of list" run on MicroPython, which has no numbers module', async () => {
    const listOf = (...values: number[]): Json => ({
      type: 'lists_create_with',
      extraState: { itemCount: values.length },
      inputs: Object.fromEntries(values.map((value, i) => [`ADD${i}`, number(value)])),
    });
    const counting = workspace(
      [
        script(
          { type: 'variables_set', fields: { VAR: { id: 'v-count' } }, inputs: { VALUE: number(1) } },
          { type: 'math_change', fields: { VAR: { id: 'v-count' } }, inputs: { DELTA: number(2) } },
          { type: 'text_print', inputs: { TEXT: { block: { type: 'variables_get', fields: { VAR: { id: 'v-count' } } } } } },
          { type: 'text_print', inputs: { TEXT: { block: { type: 'math_on_list', fields: { OP: 'AVERAGE' }, inputs: { LIST: { block: listOf(1, 2, 6) } } } } } },
        ),
      ],
      [{ name: 'count', id: 'v-count' }],
    );
    const program = generateFromWorkspaceJson(counting, 'micropython');
    expect(program).not.toContain('from numbers import');
    const result = await runMicroPython(program);
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(['3', '3.0']);
  });

  test('variables called random and math do not hide the modules (MicroPython)', async () => {
    const result = await runMicroPython(generateFromWorkspaceJson(randomAndMath, 'micropython'));
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(['5', '4.0']);
  });

  test('a procedure call saved with parameter ids compiles and runs (MicroPython)', async () => {
    const program = generateFromWorkspaceJson(procedureWithIds, 'micropython');
    const result = await runMicroPython(program);
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(['shown']);
  });

  test('a chain of 2,000 blocks generates and runs in order (MicroPython)', async () => {
    const result = await runMicroPython(generateFromWorkspaceJson(chain(2000), 'micropython'));
    expect(result.error).toBeNull();
    expect(result.stdout).toHaveLength(2000);
    expect(result.stdout[1999]).toBe('1999');
  });

  describeWithTool(pahoCheck(), 'CPython', () => {
    test.each(TARGETS)('the same probes run in CPython (%s code)', (target) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-probe-'));
      for (const [name, ws, expected] of [
        ['random', randomAndMath, '5\n4.0\n'],
        ['procedure', procedureWithIds, 'shown\n'],
      ] as const) {
        const file = path.join(dir, `probe_${name}.py`);
        writeFileSync(file, generateFromWorkspaceJson(ws, target));
        const run = spawnSync(DEBIAN_PYTHON, [file], { encoding: 'utf8', timeout: 20000 });
        expect({ name, target, stderr: run.stderr, stdout: run.stdout }).toEqual({ name, target, stderr: '', stdout: expected });
      }
    });
  });
});
