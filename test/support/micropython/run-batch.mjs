// Runs generated programs in one MicroPython interpreter (WebAssembly build), each in a fresh
// globals dict with the stand-in board modules reset in between: many for fuzzing, or one (runMicroPython).
// stdin: {"runs": [{"program": "...", "scenario": {...}, "files": {"name.py": "..."}}, ...]}; stdout:
// one JSON line per run. `files` go in /board (on sys.path, like a board's root folder), fresh per run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = JSON.parse(readFileSync(0, 'utf8'));
let printed = [];
const mp = await loadMicroPython({
  heapsize: 64 * 1024 * 1024,
  stdout: (line) => printed.push(line),
  stderr: (line) => printed.push(line),
});

function copyTree(from, to) {
  mp.FS.mkdirTree(to);
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, `${to}/${name}`);
    else mp.FS.writeFile(`${to}/${name}`, readFileSync(source));
  }
}
copyTree(path.join(here, 'standins'), '/standins');
copyTree(path.join(here, '..', 'umqtt-core'), '/standins'); // umqtt.simple's packets and rules

mp.FS.mkdirTree('/board');
mp.runPython(`
import sys, json, gc
sys.path.insert(0, '/board')
sys.path.insert(0, '/standins')
import board_harness
BATCH_DEFAULTS = json.dumps(board_harness.scenario)

def batch_forget(name):
    # A file put beside the next program must be imported afresh.
    sys.modules.pop(name, None)

def batch_reset(scenario_json):
    board_harness.calls.clear()
    board_harness.state['now'] = 0
    board_harness.state['check_msg'] = 0
    board_harness.state.pop('answers', None)
    board_harness.scenario.clear()
    board_harness.scenario.update(json.loads(BATCH_DEFAULTS))
    board_harness.configure(scenario_json)
    gc.collect()

def batch_run(program):
    exec(program, {'__name__': '__main__', 'input': board_harness.next_input})
`);
const batchReset = mp.globals.get('batch_reset');
const batchForget = mp.globals.get('batch_forget');
let boardFiles = [];
const batchRun = mp.globals.get('batch_run');

for (const run of input.runs) {
  printed = [];
  for (const name of boardFiles) {
    mp.FS.unlink(`/board/${name}`);
    batchForget(name.replace(/\.py$/, ''));
  }
  boardFiles = Object.keys(run.files ?? {});
  for (const [name, text] of Object.entries(run.files ?? {})) {
    mp.FS.writeFile(`/board/${name}`, text);
    batchForget(name.replace(/\.py$/, ''));
  }
  batchReset(JSON.stringify(run.scenario ?? {}));
  let error = null;
  try {
    batchRun(run.program);
  } catch (thrown) {
    if (thrown && thrown.name === 'PythonError') {
      if (thrown.type !== 'StopProgram') error = { type: thrown.type, message: thrown.message };
    } else {
      error = { type: 'JavaScriptError', message: String(thrown && thrown.stack ? thrown.stack : thrown) };
    }
  }
  mp.runPython('BATCH_RESULT = board_harness.result()');
  const result = JSON.parse(mp.globals.get('BATCH_RESULT'));
  process.stdout.write(`${JSON.stringify({ result, stdout: printed, error })}\n`);
}
