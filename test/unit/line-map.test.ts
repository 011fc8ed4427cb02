/**
 * The simulator's map from main.py lines to blocks (what gets highlighted after an error): made for
 * every classroom program, hats included, and pointing at the block that wrote each line.
 */
import * as Blockly from 'blockly';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerBoardBlocks } from '../../src/blockly/register';
import { generateBoardProgram } from '../../src/generators/headless';
import { blockLineMap, type LineMap } from '../../src/pages/board/simulator/line-map';
import { FIXTURES, workspaceJson } from '../generators/fixtures';

function mapOf(json: object): { map: LineMap | null; lines: string[] } {
  const main = generateBoardProgram(json, 'micropython', 'en').main.text;
  registerBoardBlocks(Blockly, 'en');
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(json, workspace);
    return { map: blockLineMap(workspace, 'en', main), lines: main.split('\n') };
  } finally {
    workspace.dispose();
  }
}

test.each(FIXTURES)('%s: a map is made (a hat leaves no trace in the main program)', (name) => {
  const { map } = mapOf(workspaceJson(name));
  expect(map).not.toBeNull();
  expect(map!.size).toBeGreaterThan(0);
});

test("a hat's script: each line maps to the block that wrote it", () => {
  const json = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'broken-hat.workspace.json'), 'utf8')) as object;
  const { map, lines } = mapOf(json);
  const lineOf = (text: string): number => lines.indexOf(text) + 1;
  expect(map?.get(lineOf('    print(1 / 0)'))).toBe('divide-block');
  expect(map?.get(lineOf('    print(msg)'))).toBe('before-divide');
  expect(map?.get(lineOf("    client.connect('192.168.1.2', port=1883)"))).toBe('connect-block');
  expect(map?.get(lineOf('        client.wait_msg()'))).toBeUndefined();
});

test('lines the program adds around the blocks (the listening loop, a hat\'s def) map to no block; a loop\'s lines to the loop', () => {
  const json = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'broken-hat.workspace.json'), 'utf8')) as object;
  const { map, lines } = mapOf(json);
  const lineOf = (text: string): number => lines.indexOf(text) + 1;
  expect(map?.get(lineOf('        client.wait_msg()'))).toBeUndefined();
  expect(map?.get(lineOf('    while True:'))).toBeUndefined();
  expect(map?.get(lineOf('def on_message_class_broken(topic, msg):'))).toBeUndefined();

  const loop = mapOf({
    blocks: {
      languageVersion: 0,
      blocks: [
        {
          type: 'controls_repeat_ext',
          id: 'repeat-block',
          x: 0,
          y: 0,
          inputs: {
            TIMES: { shadow: { type: 'math_number', fields: { NUM: 3 } } },
            DO: { block: { type: 'text_print', id: 'inner-print', inputs: { TEXT: { shadow: { type: 'text', fields: { TEXT: 'round' } } } } } },
          },
          next: { block: { type: 'text_print', id: 'after-print', inputs: { TEXT: { shadow: { type: 'text', fields: { TEXT: 'done' } } } } } },
        },
      ],
    },
  });
  expect(loop.map).not.toBeNull();
  const at = (text: string): string | undefined => loop.map?.get(loop.lines.findIndex((line) => line.includes(text)) + 1);
  expect(at('for count in range(')).toBe('repeat-block');
  expect(at("print('round')")).toBe('inner-print');
  expect(at("print('done')")).toBe('after-print');
});
