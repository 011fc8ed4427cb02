/**
 * `npm run i18n:sort`: rewrites every file in src/i18n/locales/ sorted by id, two-space indented,
 * the form the completeness test expects. Run it after adding texts by hand in any order.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, 'locales');
for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
  const path = join(dir, name);
  const texts = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const sorted = Object.fromEntries(Object.entries(texts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(path, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${name}: ${Object.keys(sorted).length} texts`);
}
