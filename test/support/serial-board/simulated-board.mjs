// A MicroPython board on the other end of a serial cable, made of the real MicroPython REPL
// (WebAssembly build: replInit / replProcessChar) plus what that build lacks: raw-paste mode
// and a soft reset that runs main.py. Plain ES module with no Node or DOM use, so the same file
// backs the Node tests (board-process.mjs) and the navigator.serial stand-in in Chromium.
//
// rawPaste: 'flow-control' implements raw-paste as MicroPython's pyexec.c does (R\x01, a window
//   of half the 256-byte stdin buffer, \x01 each time a window is consumed, \x04 at the end);
//   bytes beyond the granted windows are lost, as on a real board, and counted in `overruns`.
// rawPaste: 'unanswered' ignores the probe (this WebAssembly build would hang on it);
// rawPaste: 'legacy' answers like firmware older than raw-paste (a fresh raw REPL prompt).
const CTRL_A = 0x01, CTRL_B = 0x02, CTRL_C = 0x03, CTRL_D = 0x04, CTRL_E = 0x05;
const STDIN_BUFFER = 256;

export class SimulatedBoard {
  constructor(mp, options = {}) {
    this.mp = mp;
    this.rawPaste = options.rawPaste ?? 'unanswered';
    this.output = options.output ?? (() => {});
    this.raw = false;
    this.rawLine = [];
    this.paste = null;
    this.suppressOk = 0;
    this.overruns = 0;
    this.resets = 0;
    this.silent = false;
    if (options.flashFree !== undefined) {
      // A board whose flash is nearly full: statvfs reports only this much free.
      mp.runPython(`import os\n_free=${Number(options.flashFree)}\nos.statvfs=lambda p:(1,1,1000000,_free,_free,0,0,0,0,255)`);
    }
  }

  /** Called with every byte MicroPython prints (stdout set up with linebuffer: false). */
  emit(byte) {
    if (this.silent) return;
    if (this.suppressOk > 0) {
      this.suppressOk -= 1;
      return;
    }
    this.output(Uint8Array.of(byte));
  }

  send(text) {
    if (this.silent) return;
    this.output(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  }

  boot() {
    this.mp.replInit();
  }

  /** Bytes from the host. */
  receive(bytes) {
    for (const byte of bytes) {
      if (this.silent) return;
      this.receiveByte(byte);
    }
  }

  receiveByte(byte) {
    if (this.paste !== null) return this.pasteByte(byte);
    if (this.raw && byte === CTRL_A && this.rawLine.length === 2 && this.rawLine[0] === CTRL_E) {
      const command = this.rawLine[1];
      this.rawLine = [];
      if (this.rawPaste === 'unanswered') return;
      if (this.rawPaste === 'legacy') {
        this.process(CTRL_C);
        this.process(CTRL_A);
        return;
      }
      this.process(CTRL_C); // the REPL's own line buffer still holds \x05A
      if (command !== 0x41) return this.send('R\x00>');
      const window = STDIN_BUFFER / 2;
      this.send(Uint8Array.of(0x52, 0x01, window & 0xff, window >> 8, CTRL_A));
      this.paste = { code: [], window, remain: window, credit: 2 * window };
      return;
    }
    this.process(byte);
  }

  pasteByte(byte) {
    const paste = this.paste;
    if (byte === CTRL_C || byte === CTRL_D) {
      this.paste = null;
      this.send('\x04');
      if (byte === CTRL_C) return this.send('\x04Traceback (most recent call last):\r\nKeyboardInterrupt: \r\n\x04>');
      // Run the collected code in the REPL's raw mode; raw-paste prints no "OK".
      this.suppressOk = 2;
      for (const b of paste.code) this.process(b);
      this.process(CTRL_D);
      return;
    }
    if (paste.credit <= 0) {
      this.overruns += 1; // a real board's receive buffer would have overflowed: the byte is lost
      return;
    }
    paste.credit -= 1;
    paste.code.push(byte);
    paste.remain -= 1;
    if (paste.remain === 0) {
      paste.remain = paste.window;
      paste.credit += paste.window;
      this.send(Uint8Array.of(CTRL_A));
    }
  }

  process(byte) {
    if (byte === CTRL_A) {
      this.raw = true;
      this.rawLine = [];
    } else if (byte === CTRL_B) {
      this.raw = false;
    } else if (this.raw) {
      if (byte === CTRL_C || byte === CTRL_D) this.rawLine = [];
      else this.rawLine.push(byte);
    }
    const result = this.mp.replProcessChar(byte);
    if (result & 0x100) this.softReset();
  }

  softReset() {
    this.resets += 1;
    this.send('MPY: soft reboot\r\n');
    if (!this.raw) {
      this.mp.runPython(`
import os, sys
try:
    os.stat('main.py')
    _has_main = True
except OSError:
    _has_main = False
if _has_main:
    try:
        exec(open('main.py').read(), {'__name__': '__main__'})
    except Exception as e:
        sys.print_exception(e)
`);
    }
    this.raw = false;
    this.rawLine = [];
    this.mp.replInit();
  }

  /** Reads a file on the board (tests check what was kept). */
  readFile(path) {
    try {
      return new TextDecoder().decode(this.mp.FS.readFile(path.startsWith('/') ? path : `/${path}`));
    } catch {
      return null;
    }
  }
}
