// navigator.serial for Chromium tests: requestPort() gives a port whose other end is the real
// MicroPython REPL (WebAssembly, in the page) wrapped by SimulatedBoard, throttled to the baud rate
// the page opens it with (10 bits per byte). Output reaches the page in small pieces (7 bytes), so
// UTF-8 characters are split across reads as on a real USB link. Tests drive it through
// window.__serialStandin: unplug(), readFile(path), chosen (how often a port was requested).
import { loadMicroPython } from '/__test__/micropython.mjs';
import { SimulatedBoard } from '/__test__/simulated-board.mjs';

const PIECE = 7;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function installSerialStandin(options = {}) {
  const state = { board: null, chosen: 0, unplugged: false, onUnplug: [] };
  const ready = (async () => {
    let board;
    const mp = await loadMicroPython({
      url: '/__test__/micropython.wasm',
      heapsize: 8 * 1024 * 1024,
      linebuffer: false,
      stdout: (byte) => board.emit(byte),
      stderr: (byte) => board.emit(byte),
    });
    const listeners = [];
    board = new SimulatedBoard(mp, { rawPaste: options.rawPaste ?? 'unanswered', output: (bytes) => listeners.forEach((l) => l(bytes)) });
    for (const [path, text] of Object.entries(options.files ?? {})) mp.FS.writeFile(`/${path}`, text);
    board.boot();
    state.board = board;
    state.listeners = listeners;
  })();

  class StandinPort {
    async open({ baudRate }) {
      await ready;
      const bytesPerMs = baudRate / 10 / 1000;
      let lineFreeAt = 0;
      const due = (count) => {
        lineFreeAt = Math.max(performance.now(), lineFreeAt) + count / bytesPerMs;
        return lineFreeAt;
      };
      let controller;
      let outQueue = Promise.resolve();
      this.readable = new ReadableStream({ start: (c) => (controller = c) });
      state.listeners.push((bytes) => {
        const copy = Uint8Array.from(bytes);
        for (let at = 0; at < copy.length; at += PIECE) {
          const piece = copy.subarray(at, at + PIECE);
          const when = due(piece.length);
          outQueue = outQueue.then(async () => {
            await sleep(when - performance.now());
            if (!state.unplugged) controller.enqueue(piece);
          });
        }
      });
      let inFreeAt = 0;
      this.writable = new WritableStream({
        write: async (chunk) => {
          if (state.unplugged) throw new DOMException('The device has been lost.', 'NetworkError');
          inFreeAt = Math.max(performance.now(), inFreeAt) + chunk.length / bytesPerMs;
          await sleep(inFreeAt - performance.now());
          if (state.unplugged) throw new DOMException('The device has been lost.', 'NetworkError');
          state.board.receive(Uint8Array.from(chunk));
        },
      });
      state.onUnplug.push(() => controller.error(new DOMException('The device has been lost.', 'NetworkError')));
    }
    async close() {}
    getInfo() {
      return { usbVendorId: 0x1a86, usbProductId: 0x7523 };
    }
  }

  Object.defineProperty(navigator, 'serial', {
    configurable: true,
    value: {
      async requestPort() {
        state.chosen += 1;
        return new StandinPort();
      },
      async getPorts() {
        return [];
      },
    },
  });
  globalThis.__serialStandin = {
    ready,
    get chosen() {
      return state.chosen;
    },
    unplug() {
      state.unplugged = true;
      state.onUnplug.forEach((f) => f());
    },
    readFile: (path) => state.board.readFile(path),
    get written() {
      return state.board?.resets ?? 0;
    },
  };
}
