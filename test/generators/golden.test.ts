/**
 * Golden files: the exact main.py each classroom program generates (without the library), and one
 * golden per library (per target, in English). Another language changes only the `_T_...` text
 * lines, which is checked here line by line instead of keeping a second copy of the library. A change
 * to the generators shows up here as a diff to review. Regenerate with
 * UPDATE_GOLDEN=1 npx jest test/generators/golden.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS } from '../../blocks/codegen';
import { LOCALES } from '../../src/i18n/locales';
import { libraryFor, textLine } from '../../src/generators/library/library';
import { generateBoardProgram } from '../../src/generators/headless';
import { FIXTURES, GOLDEN_DIR, workspaceJson } from './fixtures';

const update = process.env.UPDATE_GOLDEN === '1';

const REQUIRED = ['tutorial-publisher', 'tutorial-subscriber', 'temperature-sensor', 'lamp', 'will-and-wildcards'];

function expectGolden(name: string, text: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (update) {
    writeFileSync(file, text);
  }
  if (!existsSync(file)) {
    throw new Error(`No golden file ${file}: run UPDATE_GOLDEN=1 npx jest test/generators/golden`);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

test('the required classroom programs are among the fixtures', () => {
  expect(FIXTURES).toEqual(expect.arrayContaining(REQUIRED));
});

describe.each(TARGETS)('golden %s main.py', (target) => {
  test.each(FIXTURES)('%s', (name) => {
    const program = generateBoardProgram(workspaceJson(name), target);
    expect(program.main.text).not.toContain('def topic_matches');
    expectGolden(`${name}.${target}.py`, program.main.text);
  });
});

describe.each(TARGETS)('golden %s library', (target) => {
  test('in English', () => {
    expectGolden(`mqtt_blocks.${target}.py`, libraryFor(target, 'en').text);
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))('in %s: the English golden with only its text lines in that language', (locale) => {
    const english = libraryFor(target, 'en').text.split('\n');
    const translated = libraryFor(target, locale).text.split('\n');
    expect(translated).toHaveLength(english.length);
    const textLines = english.filter((line) => line.startsWith('_T_'));
    expect(textLines.length).toBeGreaterThan(5);
    english.forEach((line, index) => {
      expect(translated[index]).toBe(line.startsWith('_T_') ? textLine(line.split(' ')[0], locale) : line);
    });
    expect(translated.filter((line, index) => line !== english[index]).length).toBeGreaterThan(5);
  });
});
