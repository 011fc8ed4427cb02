// One simulated MicroPython board per process (see simulated-board.mjs): stdin and stdout are its
// serial line (raw bytes, unthrottled: the parent throttles), fd 3 carries JSON-line commands
// from the test (read a file, seed a file, go silent, counters) and their answers.
// argv[2]: JSON options for SimulatedBoard.
import net from 'node:net';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import { SimulatedBoard } from './simulated-board.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
let board;
const mp = await loadMicroPython({
  heapsize: 16 * 1024 * 1024,
  linebuffer: false,
  stdout: (byte) => board.emit(byte),
  stderr: (byte) => board.emit(byte),
});
board = new SimulatedBoard(mp, { ...options, output: (bytes) => process.stdout.write(bytes) });
for (const [path, text] of Object.entries(options.files ?? {})) mp.FS.writeFile(`/${path}`, text);
board.boot();

const control = new net.Socket({ fd: 3, readable: true, writable: true });
let pending = '';
control.on('data', (chunk) => {
  pending += chunk.toString('utf8');
  let newline;
  while ((newline = pending.indexOf('\n')) >= 0) {
    const command = JSON.parse(pending.slice(0, newline));
    pending = pending.slice(newline + 1);
    let answer = {};
    if (command.cmd === 'read') answer = { text: board.readFile(command.path) };
    else if (command.cmd === 'silence') board.silent = true;
    else if (command.cmd === 'stats') answer = { overruns: board.overruns, resets: board.resets };
    control.write(`${JSON.stringify({ id: command.id, ...answer })}\n`);
  }
});
process.stdin.on('data', (bytes) => board.receive(bytes));
process.stdin.on('end', () => process.exit(0));
