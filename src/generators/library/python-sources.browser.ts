/** The library's Python files as text in the browser bundle (webpack's asset/source); see python-sources.ts. */
import common from './common.py';
import micropython from './micropython.py';
import python from './python.py';
import type { PythonSources } from './python-sources-type';

export const PYTHON_SOURCES: PythonSources = { common, micropython, python };
