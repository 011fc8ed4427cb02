/**
 * Golden files: the exact code each classroom program generates. A change to the generators shows up
 * here as a diff to review. Regenerate with UPDATE_GOLDEN=1 npx jest test/generators/golden.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS } from '../../blocks/codegen';
import { FIXTURES, GOLDEN_DIR, generateFixture } from './fixtures';

const update = process.env.UPDATE_GOLDEN === '1';

const REQUIRED = ['tutorial-publisher', 'tutorial-subscriber', 'temperature-sensor', 'lamp', 'will-and-wildcards'];

test('the required classroom programs are among the fixtures', () => {
  expect(FIXTURES).toEqual(expect.arrayContaining(REQUIRED));
});

describe.each(TARGETS)('golden %s code', (target) => {
  test.each(FIXTURES)('%s', (name) => {
    const file = path.join(GOLDEN_DIR, `${name}.${target === 'micropython' ? 'micropython' : 'python'}.py`);
    const code = generateFixture(name, target);
    if (update) {
      writeFileSync(file, code);
    }
    if (!existsSync(file)) {
      throw new Error(`No golden file ${file}: run UPDATE_GOLDEN=1 npx jest test/generators/golden`);
    }
    expect(code).toBe(readFileSync(file, 'utf8'));
  });
});
