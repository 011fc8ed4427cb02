// A board with Wi-Fi, for tests that need a real broker: the real MicroPython interpreter
// (WebAssembly build) with the strict stand-ins (test/support/micropython/standins) plus, from
// net-standins/, a socket module over real TCP (net-worker.mjs), umqtt.simple speaking MQTT on it,
// a real-time clock with machine.Timer, and machine.reset() that reboots: boot.py runs again with
// the same files (the flash survives a reset, as on a board).
// argv[2]: JSON {files: {path: text}, scenario?, flashFree?: bytes statvfs reports free, boot?: python
// source run at each boot (default: boot.py)}.
// stdout: what the board prints, line by line (plus "BOARD: reboot" markers).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = JSON.parse(process.argv[2] ?? '{}');
const control = new Int32Array(new SharedArrayBuffer(8));
const shared = new SharedArrayBuffer(4 * 1024 * 1024);
const worker = new Worker(new URL('./net-worker.mjs', import.meta.url), { workerData: { control: control.buffer, data: shared } });
worker.unref();

function call(request, timeoutMs = 60000) {
  Atomics.store(control, 0, 0);
  worker.postMessage(request);
  if (Atomics.wait(control, 0, 0, timeoutMs) === 'timed-out') throw new Error(`net worker gave no answer to ${request.op}`);
  return JSON.parse(new TextDecoder().decode(new Uint8Array(shared, 0, control[1]).slice()));
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const mp = await loadMicroPython({
  heapsize: 32 * 1024 * 1024,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stdout.write(`${line}\n`),
});
mp.registerJsModule('jsnet', {
  connect: (host, port) => {
    const result = call({ op: 'connect', host, port });
    return result.error ? -result.error : result.handle;
  },
  send: (handle, hex) => {
    const result = call({ op: 'send', handle, hex });
    return result.error ? -result.error : 0;
  },
  // hex string, '' at end of stream, or '-' when nothing came within timeout ms.
  recv: (handle, max, timeout) => {
    const result = call({ op: 'recv', handle, max, timeout }, timeout + 30000);
    return result.timeout ? '-' : result.hex;
  },
  close: (handle) => void call({ op: 'close', handle }),
  sleep: (ms) => void Atomics.wait(sleeper, 0, 0, Math.max(0, ms)),
  ticks: () => Math.floor(performance.now()) % 0x3fffffff,
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
copyTree(path.join(here, 'net-standins'), '/standins');
mp.FS.mkdirTree('/flash');
for (const [file, text] of Object.entries(options.files ?? {})) mp.FS.writeFile(`/flash/${file}`, text);

mp.runPython(`
import sys, os
sys.path.insert(0, '/standins')
os.chdir('/flash')
import board_harness
board_harness.configure(${JSON.stringify(JSON.stringify(options.scenario ?? {}))})
`);
if (options.flashFree !== undefined) {
  // A board whose flash is nearly full: statvfs reports only this much free.
  mp.runPython(`import os\n_free = ${Number(options.flashFree)}\nos.statvfs = lambda path: (1, 1, 1000000, _free, _free, 0, 0, 0, 0, 255)`);
}
const boot = options.boot ?? "exec(open('boot.py').read(), {'__name__': '__main__'})";
for (let boots = 0; boots < 50; boots++) {
  try {
    mp.runPython(`
import sys
for name in list(sys.modules):
    if name not in ('board_harness', 'jsnet', 'micropython', 'sys', 'os', 'gc', 'json', 'binascii', 'hashlib'):
        del sys.modules[name]
${boot}
`);
    process.stdout.write('BOARD: boot.py returned\n');
    break;
  } catch (error) {
    if (error?.name === 'PythonError' && error.type === 'StopProgram' && /machine.reset/.test(error.message)) {
      call({ op: 'closeAll' });
      process.stdout.write('BOARD: reboot\n');
      continue;
    }
    process.stdout.write(`BOARD: stopped: ${error?.type ?? ''} ${error?.message ?? error}\n`);
    break;
  }
}
process.exit(0);
