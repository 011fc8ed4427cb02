/** `npm run docs`: regenerates the block reference in README.md from the catalogue. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBlockReference } from './block-reference';

const readmePath = join(__dirname, '..', '..', 'README.md');
writeFileSync(readmePath, withBlockReference(readFileSync(readmePath, 'utf8')));
console.log('README.md block reference updated');
