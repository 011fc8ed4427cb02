/**
 * Hostile strings typed into blocks must arrive unchanged and never break out of their literal:
 * the generated program compiles, and the stand-ins record exactly the typed text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateFromWorkspaceJson } from '../../src/generators/headless';
import { pythonString } from '../../src/generators/python-literal';
import { DEBIAN_PYTHON } from '../support/system-tool';
import { bytesText, callsOf, runMicroPython } from '../support/micropython/run';

jest.setTimeout(60000);

const NASTY = [
  "it's",
  'say "hi"',
  'back\\slash\\',
  'line1\nline2\r\n',
  'not # a comment',
  '温度/传感器',
  'nul\u0000byte\u00001',
  "'''triple'''",
  '"""triple"""',
  "\\'; import os #",
  '\t\u0007\u007f\u2028end',
  '😀 emoji',
];

const text = (value: string): Record<string, unknown> => ({ shadow: { type: 'text', fields: { TEXT: value } } });

/** A typed topic the Scratch rules accept (no + or #, no NUL): a broken one is refused while generating. */
const topic = (prefix: string, value: string): string => `${prefix}${value}`.replace(/[+#]/g, '').split('\u0000').join('');

function workspaceFor(value: string): Record<string, unknown> {
  const chain = [
    { type: 'mqtt_wifiConnect', inputs: { SSID: text(value), PASSWORD: text(`pw ${value}`) } },
    { type: 'mqtt_setLastWill', inputs: { MESSAGE: text(`will ${value}`), TOPIC: text(topic('will/', value)) } },
    { type: 'mqtt_connect', inputs: { URL: text('mqtt://127.0.0.1:1883'), USERNAME: text(`user ${value}`), PASSWORD: text(`secret ${value}`) } },
    { type: 'mqtt_publish', inputs: { MESSAGE: text(value), TOPIC: text(topic('topic/', value)) } },
    { type: 'mqtt_subscribe', fields: { QOS: '1' }, inputs: { TOPIC: text(topic('filter/', value)) } },
    { type: 'text_print', inputs: { TEXT: text(value) } },
  ];
  let next: Record<string, unknown> | undefined;
  for (const block of chain.reverse()) {
    next = next ? { ...block, next: { block: next } } : block;
  }
  return { blocks: { languageVersion: 0, blocks: [{ ...next, x: 0, y: 0 }, { type: 'mqtt_whenMessage', x: 0, y: 400, inputs: { TOPIC: text(topic('hat/', value)) } }] } };
}

describe('pythonString', () => {
  test.each(NASTY)('%j stays on one line', (value) => {
    const literal = pythonString(value);
    expect(literal).not.toMatch(/[\n\r\u2028]/);
    expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  });
});

describe('hostile strings in MicroPython', () => {
  test.each(NASTY)('%j arrives exactly', async (value) => {
    const program = generateFromWorkspaceJson(workspaceFor(value), 'micropython');
    const result = await runMicroPython(program, { max_check_msg: 3 });
    expect(result.error).toBeNull();
    expect(callsOf(result, 'WLAN.connect')[0].args).toEqual([value, `pw ${value}`]);
    const [will] = callsOf(result, 'set_last_will');
    expect([bytesText(will.args[0]), bytesText(will.args[1])]).toEqual([topic('will/', value), `will ${value}`]);
    const [client] = callsOf(result, 'MQTTClient');
    expect([bytesText(client.kwargs.user), bytesText(client.kwargs.password)]).toEqual([`user ${value}`, `secret ${value}`]);
    const [published] = callsOf(result, 'publish');
    expect([bytesText(published.args[0]), bytesText(published.args[1])]).toEqual([topic('topic/', value), value]);
    expect(callsOf(result, 'subscribe').map((call) => bytesText(call.args[0])).sort()).toEqual([topic('filter/', value), topic('hat/', value)].sort());
    // Blockly's own text block goes through the same escaping (the runner splits output at newlines).
    if (!/[\r\n]/.test(value)) {
      expect(result.stdout[1]).toBe(value);
    }
  });
});

const python = spawnSync(DEBIAN_PYTHON, ['--version']).status === 0 ? DEBIAN_PYTHON : 'python3';

describe('hostile strings in CPython source', () => {
  test.each(NASTY)('%j compiles and every literal evaluates back to the typed text', (value) => {
    const program = generateFromWorkspaceJson(workspaceFor(value), 'python');
    const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-escape-'));
    const file = path.join(dir, 'program.py');
    writeFileSync(file, program);
    // Parse the program, collect its string constants: every typed value must be among them.
    const check = spawnSync(
      python,
      ['-c', 'import ast, json, sys; tree = ast.parse(open(sys.argv[1], encoding="utf-8").read()); print(json.dumps([n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]))', file],
      { encoding: 'utf8', timeout: 15000 },
    );
    expect(check.stderr).toBe('');
    const constants = JSON.parse(check.stdout) as string[];
    for (const expected of [value, topic('will/', value), `user ${value}`, topic('topic/', value), topic('filter/', value), topic('hat/', value)]) {
      expect(constants).toContain(expected);
    }
  });
});
