/**
 * The Blockly face: block JSON, registration, toolbox and language switch, all derived from the catalogue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as Blockly from 'blockly';
import * as zhHans from 'blockly/msg/zh-hans';
import * as en from 'blockly/msg/en';
import { blocksFor, CATALOGUE } from '../../blocks/catalogue';
import { placeholdersOf, qualifiedOpcode } from '../../blocks/types';
import { LOCALES } from '../../src/i18n/locales';
import { translate } from '../../src/i18n/translate';
import { boardBlockJson, boardToolbox, registerBoardBlocks, setBoardLocale } from '../../src/blockly';
import { resolveLocale } from '../../src/i18n/resolve-locale';

const BOARD = blocksFor('board');

describe('block JSON', () => {
  test.each(LOCALES)('%s: one block per board-face catalogue entry, arguments as in the contract', (locale) => {
    const json = boardBlockJson(locale);
    expect(json.map((block) => block.type)).toEqual(BOARD.map(qualifiedOpcode));
    for (const [index, spec] of BOARD.entries()) {
      const block = json[index];
      const names = placeholdersOf(translate(spec.text, locale));
      let placeholder = 0;
      expect(block.message0).toBe(translate(spec.text, locale).replace(/\[[A-Z_]+\]/g, () => `%${++placeholder}`));
      const args = block.args0 as Array<{ type: string; name: string; options?: string[][] }>;
      expect(args.map((arg) => arg.name)).toEqual(names);
      for (const arg of args) {
        const argSpec = spec.args[arg.name];
        if (argSpec.kind === 'menu') {
          expect(arg.type).toBe('field_dropdown');
          expect(arg.options!.map((option) => option[1])).toEqual(argSpec.menu.items.map((item) => item.value));
        } else {
          expect(arg.type).toBe('input_value');
        }
      }
    }
  });

  test('board-only blocks are here and Scratch-only blocks are not', () => {
    const types = boardBlockJson('en').map((block) => block.type);
    expect(types).toEqual(expect.arrayContaining(['mqtt_wifiConnect', 'mqtt_wait']));
    expect(types).not.toContain('mqtt_droppedMessages');
    expect(blocksFor('scratch').map((block) => block.opcode)).not.toEqual(expect.arrayContaining(['wifiConnect']));
    expect(blocksFor('scratch').map((block) => block.opcode)).not.toContain('wait');
  });

  test('every board block has code for both targets', () => {
    for (const spec of BOARD) {
      expect(spec.codegen?.micropython).toBeInstanceOf(Function);
      expect(spec.codegen?.python).toBeInstanceOf(Function);
    }
  });
});

describe('registered blocks in a headless workspace', () => {
  beforeAll(() => registerBoardBlocks(Blockly, 'en'));

  test.each(BOARD.map((spec) => [spec.opcode, spec.shape] as const))('%s (%s) has the right connections', (opcode, shape) => {
    const workspace = new Blockly.Workspace();
    const block = workspace.newBlock(`mqtt_${opcode}`);
    expect(Boolean(block.previousConnection)).toBe(shape === 'command');
    expect(Boolean(block.nextConnection)).toBe(shape === 'command' || shape === 'hat');
    expect(Boolean(block.outputConnection)).toBe(shape === 'reporter' || shape === 'boolean');
    workspace.dispose();
  });

  test('switching to Chinese redraws our blocks and Blockly\'s in Chinese, and back', () => {
    setBoardLocale(Blockly, 'zh-cn', zhHans);
    const workspace = new Blockly.Workspace();
    expect(workspace.newBlock('mqtt_publish').toString()).toContain('发布');
    expect(workspace.newBlock('controls_whileUntil').toString()).toMatch(/重复/);
    workspace.dispose();
    setBoardLocale(Blockly, 'en', en);
    const english = new Blockly.Workspace();
    expect(english.newBlock('mqtt_publish').toString()).toContain('publish');
    english.dispose();
  });

  test('browser languages map to our locales', () => {
    expect(resolveLocale('zh-CN')).toBe('zh-cn');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-cn');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});

describe('toolbox', () => {
  beforeAll(() => registerBoardBlocks(Blockly, 'en'));

  test.each(LOCALES)('%s: MQTT next to Blockly\'s logic, loops, math, text and variables', (locale) => {
    const toolbox = boardToolbox(locale);
    const names = toolbox.contents.map((category) => category.name);
    expect(names).toHaveLength(7);
    expect(toolbox.contents.find((category) => category.custom === 'VARIABLE')).toBeDefined();
    const mqtt = toolbox.contents[0];
    expect(mqtt.contents!.map((block) => block.type)).toEqual(BOARD.map(qualifiedOpcode));
    for (const category of toolbox.contents) {
      for (const block of category.contents ?? []) {
        expect(Blockly.Blocks[block.type]).toBeDefined();
      }
    }
  });

  test('text arguments get text shadows with board defaults; numbers math_number; menus their default', () => {
    const mqtt = boardToolbox('zh-cn').contents[0].contents!;
    const connect = mqtt.find((block) => block.type === 'mqtt_connect')!;
    expect(connect.inputs!.URL.shadow).toEqual({ type: 'text', fields: { TEXT: 'mqtt://192.168.1.2:1883' } });
    const publish = mqtt.find((block) => block.type === 'mqtt_publish')!;
    expect(publish.inputs!.MESSAGE.shadow.fields.TEXT).toBe('你好');
    const wait = mqtt.find((block) => block.type === 'mqtt_wait')!;
    expect(wait.inputs!.SECONDS.shadow.type).toBe('math_number');
    const options = mqtt.find((block) => block.type === 'mqtt_publishWithOptions')!;
    expect(options.fields).toEqual({ QOS: '1', RETAIN: 'no' });
  });

  test('a toolbox block loads into a workspace and generates code', () => {
    const workspace = new Blockly.Workspace();
    for (const block of boardToolbox('en').contents[0].contents!) {
      Blockly.serialization.blocks.append(block, workspace);
    }
    expect(workspace.getTopBlocks(false)).toHaveLength(BOARD.length);
    workspace.dispose();
  });
});

describe('blocks/ stays pure', () => {
  const root = path.join(__dirname, '..', '..', 'blocks');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
    );
  test.each(files(root).map((file) => path.relative(root, file)))('%s imports nothing outside blocks/', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(/from\s+'([^']+)'/g)) {
      expect(match[1]).toMatch(/^\.\.?\//);
      expect(path.resolve(path.dirname(path.join(root, file)), match[1]).startsWith(root)).toBe(true);
    }
  });

  test('the catalogue lists every definition once', () => {
    expect(new Set(CATALOGUE.map((block) => block.opcode)).size).toBe(CATALOGUE.length);
    expect(CATALOGUE).toHaveLength(readdirSync(path.join(root, 'definitions')).length);
  });
});
