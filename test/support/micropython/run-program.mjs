// Runs one generated program in the real MicroPython interpreter (WebAssembly build) with the
// stand-in board modules from ./standins. A separate Node process, because the interpreter is an
// ES module with top-level await, which jest's CommonJS loader cannot import.
// stdin: {"program": "...", "scenario": {...}}; stdout: one JSON line {result, stdout, error}.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = JSON.parse(readFileSync(0, 'utf8'));
const printed = [];
const mp = await loadMicroPython({ stdout: (line) => printed.push(line), stderr: (line) => printed.push(line) });

function copyTree(from, to) {
  mp.FS.mkdirTree(to);
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, `${to}/${name}`);
    else mp.FS.writeFile(`${to}/${name}`, readFileSync(source));
  }
}
copyTree(path.join(here, 'standins'), '/standins');
mp.FS.writeFile('/main.py', input.program);
mp.globals.set('SCENARIO_JSON', JSON.stringify(input.scenario ?? {}));

// The stand-ins come first on the path, so they shadow the interpreter's own `time`.
mp.runPython(`
import sys
sys.path.insert(0, '/standins')
import board_harness
board_harness.configure(SCENARIO_JSON)
input = board_harness.next_input
`);

let error = null;
try {
  mp.runPython(input.program);
} catch (thrown) {
  if (thrown && thrown.name === 'PythonError') {
    if (thrown.type !== 'StopProgram') error = { type: thrown.type, message: thrown.message };
  } else {
    error = { type: 'JavaScriptError', message: String(thrown && thrown.stack ? thrown.stack : thrown) };
  }
}
mp.runPython('RESULT = board_harness.result()');
const result = JSON.parse(mp.globals.get('RESULT'));
process.stdout.write(`${JSON.stringify({ result, stdout: printed, error })}\n`);
