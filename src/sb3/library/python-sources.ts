/**
 * library/scratch.py as text in Node (CLI, tests, classroom server). The browser build swaps in
 * python-sources.browser.ts (webpack.config.js's replacement of `./python-sources`), where webpack
 * bundles the same file as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SCRATCH_PY: string = readFileSync(path.join(__dirname, 'scratch.py'), 'utf8');
