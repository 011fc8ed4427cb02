/** library/scratch.py as text in the browser bundle (webpack's asset/source); see python-sources.ts. */
import scratch from './scratch.py';

export const SCRATCH_PY: string = scratch;
