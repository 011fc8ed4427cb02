// TCP for MicroPython running in the main thread of a board process: the main thread posts a
// request and blocks in Atomics.wait; this worker does the socket work on its own event loop and
// writes the answer (JSON) into shared memory. See net-board.mjs.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const control = new Int32Array(workerData.control);
const data = new Uint8Array(workerData.data);
const sockets = new Map();
let nextHandle = 1;

function answer(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  data.set(bytes.subarray(0, data.length));
  control[1] = Math.min(bytes.length, data.length);
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
}

function takeFrom(entry, max) {
  const chunk = entry.buffer.subarray(0, max);
  entry.buffer = entry.buffer.subarray(chunk.length);
  return chunk.toString('hex');
}

parentPort.on('message', (request) => {
  if (request.op === 'connect') {
    const socket = net.connect({ host: request.host, port: request.port });
    const entry = { socket, buffer: Buffer.alloc(0), closed: false, waiter: null };
    const handle = nextHandle++;
    socket.once('connect', () => {
      sockets.set(handle, entry);
      answer({ handle });
    });
    socket.once('error', (error) => {
      entry.closed = true;
      if (!sockets.has(handle)) answer({ error: error.code === 'ECONNREFUSED' ? 111 : 113 });
      entry.waiter?.();
    });
    socket.on('data', (chunk) => {
      entry.buffer = Buffer.concat([entry.buffer, chunk]);
      entry.waiter?.();
    });
    socket.on('close', () => {
      entry.closed = true;
      entry.waiter?.();
    });
  } else if (request.op === 'send') {
    const entry = sockets.get(request.handle);
    if (!entry || entry.closed) return answer({ error: 32 });
    entry.socket.write(Buffer.from(request.hex, 'hex'), () => answer({ ok: true }));
  } else if (request.op === 'recv') {
    const entry = sockets.get(request.handle);
    if (!entry) return answer({ hex: '' });
    let timer;
    const settle = () => {
      entry.waiter = null;
      clearTimeout(timer);
      if (entry.buffer.length > 0) answer({ hex: takeFrom(entry, request.max) });
      else if (entry.closed) answer({ hex: '' });
      else answer({ timeout: true });
    };
    if (entry.buffer.length > 0 || entry.closed || request.timeout <= 0) return settle();
    timer = setTimeout(settle, request.timeout);
    entry.waiter = settle;
  } else if (request.op === 'closeAll') {
    // A reboot: the board's connections end without a DISCONNECT (brokers publish their wills).
    for (const entry of sockets.values()) entry.socket.destroy();
    sockets.clear();
    answer({ ok: true });
  } else if (request.op === 'close') {
    const entry = sockets.get(request.handle);
    sockets.delete(request.handle);
    entry?.socket.destroy();
    answer({ ok: true });
  }
});
