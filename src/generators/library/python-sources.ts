/**
 * The library's Python files as text, in Node (CLI, tests, classroom server): read from beside this
 * module. The browser build replaces this module with python-sources.browser.ts (webpack.config.js),
 * where webpack bundles the same files as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PythonSources } from './python-sources-type';

const read = (name: string): string => readFileSync(path.join(__dirname, name), 'utf8');

export const PYTHON_SOURCES: PythonSources = {
  common: read('common.py'),
  micropython: read('micropython.py'),
  python: read('python.py'),
};
