/** The README's block reference is generated from the catalogue; an edited block must be re-documented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBlockReference } from '../../src/docs/block-reference';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the block reference in README.md matches the catalogue (run `npm run docs` if this fails)', () => {
  expect(readme).toBe(withBlockReference(readme));
});

test('the README shows the two set-up commands', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toMatch(/^npm test/m);
});
