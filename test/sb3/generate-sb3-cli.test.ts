/**
 * `mqtt-blocks generate project.sb3`: the report of blocks a board cannot run (both languages,
 * non-zero exit, or the program without them with --skip-unsupported, still listed), bad files
 * (not an sb3, a broken zip, a zip bomb, no project.json, damaged JSON, no MQTT blocks, Chinese
 * names), output forms, and the .sb3 left untouched.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { runGenerateSb3, type Sb3Options } from '../../src/cli/generate-sb3';
import { noMqttProject, sb3Bytes, SB3_FIXTURES, unsupportedProject } from '../fixtures/sb3/make-sb3-fixtures';
import { DEBIAN_PYTHON } from '../support/system-tool';

jest.setTimeout(30000);

const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-sb3-'));
const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'sb3');

async function run(file: string, options: Partial<Sb3Options> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runGenerateSb3(file, { target: 'micropython', ...options }, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function writeSb3(name: string, project: object): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await sb3Bytes(project));
  return file;
}

/** CPython's parser on the code: a skipped script must never leave broken Python behind. */
function parses(code: string): void {
  const result = spawnSync(DEBIAN_PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe('blocks a board cannot run', () => {
  test('are listed by sprite, script and block with why, in English; nothing is written; exit 1', async () => {
    const file = await writeSb3('stage-blocks.sb3', unsupportedProject());
    const result = await run(file, { lang: 'en', output: path.join(dir, 'never.py') });
    expect(result.code).toBe(1);
    expect(existsSync(path.join(dir, 'never.py'))).toBe(false);
    expect(result.err).toContain('These blocks cannot run on a board (3):');
    expect(result.err).toContain('Sprite1, script "when green flag clicked": "move steps" needs the stage');
    expect(result.err).toContain('Sprite1, script "when key pressed": "when key pressed" reads the mouse, keyboard or stage');
    expect(result.err).toContain('"start sound" plays sound on the computer');
    expect(result.err).toContain('--skip-unsupported');
  });

  test('are listed in Chinese for a Chinese-speaking class', async () => {
    const file = await writeSb3('stage-blocks-zh.sb3', unsupportedProject());
    const result = await run(file, { lang: 'zh-cn' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('这些积木不能在开发板上运行（3 个）：');
    expect(result.err).toContain('Sprite1，脚本 "当绿旗被点击"：积木 "移动步" 需要舞台');
    expect(result.err).toContain('"播放声音" 在电脑上播放声音');
    expect(result.err).not.toContain('These blocks');
  });

  test('with --skip-unsupported: the program without those scripts, still listing them, and it parses', async () => {
    const file = await writeSb3('skip.sb3', unsupportedProject());
    const result = await run(file, { lang: 'en', skipUnsupported: true, target: 'python' });
    expect(result.code).toBe(0);
    expect(result.err).toContain('These blocks cannot run on a board (3):');
    expect(result.err).toContain('The board code was made without these scripts.');
    expect(result.out).not.toContain("'moved'");
    expect(result.out).not.toContain("'key'");
    expect(result.out).toContain("client.publish('t/ready', 'ready')");
    parses(result.out);
  });
});

describe('bad files get a clear message and exit 1', () => {
  const cases: Array<[string, () => string | Promise<string>, RegExp]> = [
    ['not an sb3 (a PNG renamed)', () => {
      const file = path.join(dir, 'picture.sb3');
      writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
      return file;
    }, /is not a Scratch project\. Save the project in Scratch/],
    ['a broken zip (cut in half)', () => {
      const whole = readFileSync(path.join(FIXTURE_DIR, 'thermostat.sb3'));
      const file = path.join(dir, 'cut.sb3');
      writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
      return file;
    }, /looks like an \.sb3 but cannot be opened/],
    ['a zip without project.json (Scratch 2 or a random zip)', async () => {
      const zip = new JSZip();
      zip.file('readme.txt', 'hello');
      const file = path.join(dir, 'nojson.sb3');
      writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
      return file;
    }, /has no project\.json inside/],
    ['damaged project.json', async () => {
      const zip = new JSZip();
      zip.file('project.json', '{"targets": [');
      const file = path.join(dir, 'badjson.sb3');
      writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
      return file;
    }, /The project inside badjson\.sb3 is damaged/],
    ['a zip bomb (project.json unpacks to 30 MB)', async () => {
      const zip = new JSZip();
      zip.file('project.json', ' '.repeat(30 * 1024 * 1024));
      const file = path.join(dir, 'bomb.sb3');
      writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      return file;
    }, /is too big to be a Scratch project/],
    ['a project with no MQTT blocks', () => writeSb3('plain.sb3', noMqttProject()), /uses no MQTT blocks/],
    ['a file that does not exist', () => path.join(dir, 'missing.sb3'), /File not found/],
  ];
  test.each(cases)('%s', async (_name, make, message) => {
    const result = await run(await make(), { lang: 'en', outDir: path.join(dir, 'never') });
    expect(result.err).toMatch(message);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });

  test('the messages exist in Chinese too', async () => {
    const result = await run(await writeSb3('plain-zh.sb3', noMqttProject()), { lang: 'zh-cn' });
    expect(result.err).toContain('这个项目没有使用 MQTT 积木');
  });

  test('--sprite with a name the project lacks lists the real sprites', async () => {
    const result = await run(path.join(FIXTURE_DIR, 'thermostat.sb3'), { lang: 'en', sprite: '角色2' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('There is no sprite called "角色2" in this project. Its sprites are: Sprite1, Stage.');
  });
});

describe('output', () => {
  test('--out-dir writes main.py and mqtt_blocks.py (with its Scratch section); the .sb3 is untouched', async () => {
    const source = path.join(FIXTURE_DIR, 'thermostat.sb3');
    const before = createHash('sha256').update(readFileSync(source)).digest('hex');
    const out = path.join(dir, 'board');
    const result = await run(source, { lang: 'en', outDir: out, broker: 'mqtt://192.168.1.2:1883' });
    expect(result.code).toBe(0);
    const main = readFileSync(path.join(out, 'main.py'), 'utf8');
    const library = readFileSync(path.join(out, 'mqtt_blocks.py'), 'utf8');
    // The code says where it came from: the project and each script.
    expect(main).toContain('from the Scratch project "thermostat"');
    expect(main).toContain('#   Sprite1: "when I receive [decide]"');
    expect(main).toContain('#   Sprite1: "when message received on (in/home/temp)"');
    expect(main).toContain("client.connect('192.168.1.2', port=1883)");
    expect(main).toMatch(/^from mqtt_blocks import MQTTClient, .*run_scripts$/m);
    expect(library).toContain('class MQTTClient:');
    expect(library).toContain('def run_scripts():');
    expect(createHash('sha256').update(readFileSync(source)).digest('hex')).toBe(before);
  });

  test('a browser address (ws://) becomes the same broker\'s TCP address, and the pupil is told', async () => {
    const project = JSON.parse(JSON.stringify(SB3_FIXTURES['seed-subscriber'].project.build())) as { targets: Array<{ blocks: Record<string, { opcode: string; inputs: Record<string, unknown> }> }> };
    for (const target of project.targets) {
      for (const block of Object.values(target.blocks)) {
        if (block.opcode === 'mqtt_connect') block.inputs.URL = [1, [10, 'ws://192.168.1.2:8000/mqtt']];
      }
    }
    const result = await run(await writeSb3('ws.sb3', project), { lang: 'zh-cn' });
    expect(result.code).toBe(0);
    expect(result.out).toContain("client.connect('192.168.1.2', port=1883)");
    expect(result.err).toContain('开发板连接到 mqtt://192.168.1.2:1883，而不是 ws://192.168.1.2:8000/mqtt');
    expect(result.out).toContain('# 开发板连接到 mqtt://192.168.1.2:1883');
  });

  test('Chinese sprite, variable and message names give ASCII Python names and keep the Chinese', async () => {
    const project = JSON.parse(JSON.stringify(SB3_FIXTURES.thermostat.project.build()).replace(/"Sprite1"/g, '"角色1"').replace(/"temp"/g, '"温度"')) as object;
    const result = await run(await writeSb3('中文.sb3', project), { lang: 'zh-cn', target: 'python' });
    expect(result.code).toBe(0);
    expect(result.out).toContain("stage = {'温度': 0,");
    expect(result.out).toContain('# 角色 角色1：');
    expect(result.out).toMatch(/^def sprite_1_when_message_in_home_temp\(topic, msg\):$/m);
    expect(result.out).toContain("sprite_1 = {}  # 角色1");
    parses(result.out);
  });
});

test('the command line: mqtt-blocks generate x.sb3 runs through commander with exit 1 on unsupported blocks', async () => {
  const file = await writeSb3('cli.sb3', unsupportedProject());
  const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), 'generate', file, '--target', 'python', '--lang', 'en'], { encoding: 'utf8', timeout: 60000 });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain('These blocks cannot run on a board (3):');
});
