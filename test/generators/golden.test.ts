/**
 * Golden files: the exact main.py each classroom program generates (without the library), and one
 * golden per library (target and language). A change to the generators shows up here as a diff to
 * review. Regenerate with UPDATE_GOLDEN=1 npx jest test/generators/golden.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS } from '../../blocks/codegen';
import { LOCALES } from '../../src/i18n/locales';
import { libraryFor } from '../../src/generators/library/library';
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
  test.each(LOCALES)('%s', (locale) => {
    expectGolden(`mqtt_blocks.${target}.${locale}.py`, libraryFor(target, locale).text);
  });
});
