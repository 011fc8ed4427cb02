/**
 * The lesson pack (src/server/pages/examples/): the seed lesson's .sb3 files open as Scratch
 * projects, and the board and Raspberry Pi ones become board code with nothing left out, which
 * does what the lesson says in real MicroPython: the temperature every 2 s, the LED on command.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selfContained } from '../../src/generators/program';
import { readProject } from '../../src/sb3/read-project';
import { translateProject } from '../../src/sb3/translate';
import { EXAMPLES } from '../../src/pages/scratch/examples-menu';
import { BOARD_EXAMPLES } from '../../src/pages/board/examples-menu';
import { generateBoardProgram } from '../../src/generators/headless';
import { bytesText, callsOf, runMicroPython } from '../support/micropython/run';

jest.setTimeout(60000);

const DIR = path.join(__dirname, '..', '..', 'src', 'server', 'pages', 'examples');
const open = (file: string) => readProject(readFileSync(path.join(DIR, file)), file);

test('every example in the menu is a file in the pack, with Chinese text in it', async () => {
  for (const example of EXAMPLES) {
    const project = await open(example.file);
    expect(JSON.stringify(project)).toMatch(/[\u4e00-\u9fff]/);
  }
});

test.each(['seed-lesson-board.sb3', 'seed-lesson-pi.sb3'])('%s becomes board code for both targets with nothing left out', async (file) => {
  for (const target of ['micropython', 'python'] as const) {
    const result = translateProject(await open(file), { target, locale: 'zh-cn', projectName: file, broker: 'mqtt://192.168.1.2:1883' });
    expect(result.unsupported).toEqual([]);
    expect(result.program?.main.text).toContain('由 mqtt-blocks 根据 Scratch 项目');
  }
});

test('the stage example says which script stays on the stage (a sprite click)', async () => {
  const result = translateProject(await open('seed-lesson-stage.sb3'), { target: 'micropython', locale: 'en', projectName: 'stage' });
  expect(result.unsupported.map((u) => u.block('en'))).toEqual(['when this sprite clicked']);
});

test('the board example on a MicroPython board: temperature every 2 s, LED switched on command', async () => {
  const result = translateProject(await open('seed-lesson-board.sb3'), { target: 'micropython', locale: 'zh-cn', projectName: 'board', broker: 'mqtt://192.168.1.2:1883' });
  const run = await runMicroPython(selfContained(result.program!), {
    max_check_msg: 3000,
    max_virtual_ms: 7000,
    events: { '5': [{ topic: 'class1/g1/led', payload: 'on' }], '9': [{ topic: 'class1/g1/led', payload: 'off' }] },
  });
  expect(run.error === null || /virtual time|check_msg limit/.test(run.error.message)).toBe(true);
  const temps = callsOf(run, 'publish').filter((call) => bytesText(call.args[0]) === 'class1/g1/temp');
  expect(temps.length).toBeGreaterThanOrEqual(3);
  for (const call of temps) {
    const value = Number(bytesText(call.args[1]));
    expect(value).toBeGreaterThanOrEqual(21);
    expect(value).toBeLessThanOrEqual(23);
  }
  // Every 2 s of (virtual) time, as the wait block says.
  expect(temps[1].t - temps[0].t).toBeGreaterThanOrEqual(2000);
  expect(temps[1].t - temps[0].t).toBeLessThan(2100);
  const states = callsOf(run, 'publish').filter((call) => bytesText(call.args[0]) === 'class1/g1/led/state').map((call) => bytesText(call.args[1]));
  expect(states).toEqual(['开', '关']);
  expect(run.stdout.join('\n')).toContain('LED 灯：开');
});

describe('the board page\'s examples (Blockly workspaces)', () => {
  test.each(BOARD_EXAMPLES.map((example) => example.file))('%s opens in the board editor and becomes code for both targets', (file) => {
    const json = readFileSync(path.join(DIR, file), 'utf8');
    expect(json).toMatch(/[\u4e00-\u9fff]/);
    for (const target of ['micropython', 'python'] as const) {
      const program = generateBoardProgram(json, target, 'zh-cn');
      expect(program.main.text).toContain('class1/');
    }
  });

  test('the board program sends its temperature to class1/g1/temp and switches on class1/g1/led', () => {
    const main = generateBoardProgram(readFileSync(path.join(DIR, 'seed-lesson-board.json'), 'utf8'), 'micropython', 'en').main.text;
    expect(main).toContain("client.publish('class1/g1/temp'");
    expect(main).toContain("client.set_callback(on_message_class1_g1_led, 'class1/g1/led')");
    expect(main).toContain('wait(2)');
  });
});
