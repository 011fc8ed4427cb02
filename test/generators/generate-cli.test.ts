/**
 * The `generate` subcommand: output forms (screen and -o: one file that runs as it is; --out-dir:
 * main.py and mqtt_blocks.py), --lang, targets, and bilingual errors with a non-zero exit code and
 * no stack trace, also for files no generator expected.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGenerate } from '../../src/cli/generate-command';
import { WORKSPACES_DIR, withText, workspaceJson } from './fixtures';

jest.setTimeout(60000);

function capture(file: string | undefined, options: Parameters<typeof runGenerate>[1]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runGenerate(file, options, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-cli-'));

test('generates MicroPython to stdout and Python to a file', () => {
  const lamp = path.join(WORKSPACES_DIR, 'lamp.json');
  const toStdout = capture(lamp, { target: 'micropython' });
  expect(toStdout.code).toBe(0);
  expect(toStdout.out).toMatch(/^# main\.py made by mqtt-blocks for MicroPython/);
  // One file that runs as it is: the library inside, no import of it.
  expect(toStdout.out).toContain('class MQTTClient:');
  expect(toStdout.out).not.toContain('from mqtt_blocks import');
  const output = path.join(dir, 'lamp.py');
  const toFile = capture(lamp, { target: 'python', output });
  expect(toFile.code).toBe(0);
  expect(readFileSync(output, 'utf8')).toMatch(/import paho\.mqtt\.client as mqtt/);
});

test('--out-dir writes main.py and the library it imports; --lang zh-cn puts the board messages in Chinese', () => {
  const out = path.join(dir, 'board');
  const result = capture(path.join(WORKSPACES_DIR, 'tutorial-subscriber.json'), { target: 'micropython', outDir: out, lang: 'zh-cn' });
  expect(result.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['main.py', 'mqtt_blocks.py']);
  const main = readFileSync(path.join(out, 'main.py'), 'utf8');
  expect(main).toContain('from mqtt_blocks import MQTTClient, wifi_connect');
  expect(main).toMatch(/^# 由 mqtt-blocks 为 MicroPython 开发板/);
  expect(main.split('\n').length).toBeLessThanOrEqual(40);
  expect(readFileSync(path.join(out, 'mqtt_blocks.py'), 'utf8')).toContain("_T_LOST = '与服务器的连接断开了");
});

test('a program without MQTT blocks needs no library', () => {
  const out = path.join(dir, 'plain');
  expect(capture(path.join(WORKSPACES_DIR, 'no-mqtt.json'), { target: 'python', outDir: out }).code).toBe(0);
  expect(readdirSync(out)).toEqual(['main.py']);
});

test('-o and --out-dir together are refused', () => {
  const result = capture(path.join(WORKSPACES_DIR, 'lamp.json'), { target: 'python', output: path.join(dir, 'x.py'), outDir: dir });
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/not both.*只能选一个/s);
});

test('a file saved with a UTF-8 byte-order mark is read as usual', () => {
  const file = path.join(dir, 'bom.json');
  writeFileSync(file, `\uFEFF${readFileSync(path.join(WORKSPACES_DIR, 'lamp.json'), 'utf8')}`);
  const result = capture(file, { target: 'micropython' });
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
});

test('lists the targets', () => {
  const result = capture(undefined, { listTargets: true });
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^micropython .*\npython /);
});

test.each([
  ['a missing file', path.join(dir, 'missing.json'), /File not found.*找不到文件/s],
  ['bad JSON', 'bad', /bad JSON.*JSON 格式错误/s],
  ['an unknown block type', 'unknown', /Unknown block type "mqtt_teleport".*未知的积木类型 "mqtt_teleport"/s],
  ['an unknown block deep in a script', 'unknownDeep', /Unknown block type "mqtt_teleport" \(in the script that starts with "mqtt_connect"\).*所在脚本的第一个积木是 "mqtt_connect"/s],
  ['a WebSocket URL on a board', 'websocket', /The block "connect to \(ws:\/\/192\.168\.1\.2:8000\/mqtt\).*WebSocket address.*TCP.*1883.*积木 "连接到.*WebSocket 地址/s],
  ['a WebSocket port on a board', 'wsport', /port 9001 is a WebSocket port.*WebSocket 端口/s],
  ['"blocks": "hello"', 'hello', /"blocks" is not a list of blocks.*不是积木列表/s],
  ['a Scratch project', 'scratch', /Scratch project file.*Scratch 项目文件/s],
  ['a block without a type', 'untyped', /has no type.*没有类型/s],
  ['a stacking block in a value slot', 'misplaced', /cannot open this file.*does not fit.*无法打开这个文件/s],
  ['nesting 5,000 deep', 'deep', /nested more than 100 deep.*嵌套超过 100 层/s],
  ['a topic that can never work', 'badTopic', /The block "publish \(hi\) to \(class1\/#\/temp\)".*only publish to an exact topic.*积木 "发布/s],
  ['a JSON array', 'array', /not a JSON object.*不是 JSON 对象/s],
])('%s: bilingual message, exit code 1', (_label, which, message) => {
  const files: Record<string, string> = {
    bad: '{"blocks": [',
    unknown: JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ type: 'mqtt_teleport', x: 0, y: 0 }] } }),
    unknownDeep: JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ type: 'mqtt_connect', next: { block: { type: 'mqtt_teleport' } } }] } }),
    hello: JSON.stringify({ blocks: 'hello' }),
    scratch: JSON.stringify({ targets: [], monitors: [], meta: { semver: '3.0.0' } }),
    untyped: JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ x: 0, y: 0 }] } }),
    misplaced: JSON.stringify({ blocks: { languageVersion: 0, blocks: [{ type: 'mqtt_publish', inputs: { TOPIC: { block: { type: 'mqtt_disconnect' } } } }] } }),
    deep: deepNest(5000),
    badTopic: JSON.stringify({
      blocks: { languageVersion: 0, blocks: [{ type: 'mqtt_publish', inputs: { MESSAGE: { shadow: { type: 'text', fields: { TEXT: 'hi' } } }, TOPIC: { shadow: { type: 'text', fields: { TEXT: 'class1/#/temp' } } } } }] },
    }),
    array: '[1, 2]',
    websocket: JSON.stringify(withText(workspaceJson('lamp'), 'mqtt://192.168.1.2:1883', 'ws://192.168.1.2:8000/mqtt')),
    wsport: JSON.stringify(withText(workspaceJson('lamp'), 'mqtt://192.168.1.2:1883', '192.168.1.2:9001')),
  };
  let file = which;
  if (files[which] !== undefined) {
    file = path.join(dir, `${which}.json`);
    writeFileSync(file, files[which]);
  }
  const result = capture(file, { target: 'micropython' });
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err).toMatch(message);
  expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
});

/** A workspace with blocks nested `depth` deep, written as text (JSON.stringify itself would overflow). */
function deepNest(depth: number): string {
  const open = '{"type":"controls_if","inputs":{"DO0":{"block":'.repeat(depth);
  return `{"blocks":{"languageVersion":0,"blocks":[${open}{"type":"mqtt_disconnect"}${'}}}'.repeat(depth)}]}}`;
}

test('the installed command: --help, and a non-zero exit for an unknown target', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'mqtt-blocks.js');
  const help = spawnSync(process.execPath, [bin, 'generate', '--help'], { encoding: 'utf8', timeout: 30000 });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/--target/);
  expect(help.stdout).toMatch(/micropython/);
  const wrong = spawnSync(process.execPath, [bin, 'generate', path.join(WORKSPACES_DIR, 'lamp.json'), '--target', 'arduino'], { encoding: 'utf8', timeout: 30000 });
  expect(wrong.status).not.toBe(0);
  expect(wrong.stderr).toMatch(/micropython, python/);
  const missing = spawnSync(process.execPath, [bin, 'generate', path.join(dir, 'nope.json'), '-t', 'python'], { encoding: 'utf8', timeout: 30000 });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toMatch(/找不到文件/);
});
