/**
 * MicroPython's raw REPL spoken over any byte link (Web Serial on the page, a simulated board in
 * Node tests): stop the running program (Ctrl-C), enter the raw REPL (Ctrl-A), run code and
 * collect its output and error text. Code goes in raw-paste mode when the board offers it
 * (`\x05A\x01` answered by `R\x01`, a window size, then one `\x01` per window the board has
 * consumed: the board sets the pace, so nothing overflows its receive buffer) and in plain raw
 * mode otherwise (fixed chunks with a pause, as boards without flow control need).
 */
import { LinkClosedError, LinkTimeoutError, type ReceiveBuffer } from './receive-buffer';

export interface ByteLink {
  /** Resolves once the port has taken the bytes (a slow port pushes back here). */
  write(bytes: Uint8Array): Promise<void>;
  /** Everything the board sends arrives here while the REPL is in use. */
  readonly rx: ReceiveBuffer;
}

export interface ReplTiming {
  /** How long the board may take to show the raw REPL prompt after Ctrl-A. */
  promptMs: number;
  /** How long to wait for an answer to the raw-paste probe before using plain raw mode. */
  rawPasteProbeMs: number;
  /** How long a piece of code may run (counted after it was sent) before the board counts as silent. */
  answerMs: number;
  /** Plain raw mode: bytes per write, and the pause after each (no flow control there). */
  plainChunkBytes: number;
  plainChunkPauseMs: number;
}

export const DEFAULT_TIMING: ReplTiming = {
  promptMs: 2000,
  rawPasteProbeMs: 600,
  answerMs: 15000,
  plainChunkBytes: 256,
  plainChunkPauseMs: 10,
};

export type ReplFailure =
  /** Nothing at all came back: no board, a board busy in a loop that ignores Ctrl-C, wrong speed. */
  | 'noAnswer'
  /** Bytes came back, but never a MicroPython raw REPL prompt. */
  | 'notMicroPython'
  /** The board answered at first, then went silent. */
  | 'stoppedAnswering'
  /** The port closed (cable unplugged). */
  | 'disconnected'
  /** The board answered something the protocol does not allow. */
  | 'protocol';

export class ReplError extends Error {
  constructor(
    readonly failure: ReplFailure,
    detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'ReplError';
  }
}

export interface ExecResult {
  stdout: string;
  /** The traceback, if the code raised. */
  stderr: string;
}

const CTRL_A = 0x01;
const CTRL_B = 0x02;
const CTRL_C = 0x03;
const CTRL_D = 0x04;
const RAW_PROMPT = 'raw REPL; CTRL-B to exit\r\n>';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Turns link errors into the failure a person can act on. */
function asReplError(error: unknown, whenSilent: ReplFailure): ReplError {
  if (error instanceof ReplError) return error;
  if (error instanceof LinkClosedError) return new ReplError('disconnected', error.message);
  if (error instanceof LinkTimeoutError) return new ReplError(whenSilent, error.message);
  return new ReplError('disconnected', error instanceof Error ? error.message : String(error));
}

export class RawRepl {
  private rawPaste: boolean | undefined;
  readonly timing: ReplTiming;

  constructor(
    private readonly link: ByteLink,
    timing: Partial<ReplTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Whether code goes in raw-paste mode (known after the first exec). */
  get usesRawPaste(): boolean | undefined {
    return this.rawPaste;
  }

  private async send(bytes: Uint8Array | number[]): Promise<void> {
    try {
      await this.link.write(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
    } catch (error) {
      throw new ReplError('disconnected', error instanceof Error ? error.message : String(error));
    }
  }

  /** Stops the running program and enters the raw REPL; tries twice before giving up. */
  async enter(): Promise<void> {
    const before = this.link.rx.totalReceived;
    for (let attempt = 0; attempt < 3; attempt++) {
      // Ctrl-C twice (a program may catch the first KeyboardInterrupt), Ctrl-B to leave a
      // half-entered raw or paste mode, then Ctrl-A.
      await this.send([0x0d, CTRL_C, CTRL_C, CTRL_B]);
      if (attempt > 0) await sleep(attempt * 200);
      this.link.rx.drain();
      await this.send([0x0d, CTRL_A]);
      try {
        await this.link.rx.readUntil(RAW_PROMPT, this.timing.promptMs);
        this.rawPaste = undefined;
        return;
      } catch (error) {
        if (!(error instanceof LinkTimeoutError)) throw asReplError(error, 'noAnswer');
      }
    }
    const answered = this.link.rx.totalReceived > before;
    throw new ReplError(answered ? 'notMicroPython' : 'noAnswer', 'no raw REPL prompt after Ctrl-C and Ctrl-A');
  }

  /** Runs code in the raw REPL and returns what it printed. */
  async exec(code: string): Promise<ExecResult> {
    const bytes = encoder.encode(code);
    try {
      if (this.rawPaste !== false && (await this.probeRawPaste())) {
        await this.writeRawPaste(bytes);
      } else {
        await this.writePlainRaw(bytes);
      }
      const stdout = await this.link.rx.readUntil('\x04', this.timing.answerMs);
      const stderr = await this.link.rx.readUntil('\x04', this.timing.answerMs);
      await this.link.rx.readUntil('>', this.timing.answerMs);
      return { stdout: decoder.decode(stdout.subarray(0, -1)), stderr: decoder.decode(stderr.subarray(0, -1)) };
    } catch (error) {
      throw asReplError(error, 'stoppedAnswering');
    }
  }

  /** Runs code and fails with the board's traceback if it raised. */
  async run(code: string): Promise<string> {
    const result = await this.exec(code);
    if (result.stderr.trim() !== '') throw new BoardTraceback(result.stderr.trim());
    return result.stdout;
  }

  /**
   * Leaves the raw REPL for the friendly one and soft-resets: the board restarts and runs
   * boot.py and main.py (a board only runs main.py after a reset in the friendly REPL).
   */
  async softReset(): Promise<void> {
    await this.send([CTRL_B]);
    await sleep(50);
    await this.send([CTRL_D]);
  }

  /** Asks for raw-paste mode once per session; unanswered or refused means plain raw mode. */
  private async probeRawPaste(): Promise<boolean> {
    if (this.rawPaste === true) {
      await this.send([0x05, 0x41, CTRL_A]);
      const answer = await this.link.rx.readExactly(2, this.timing.answerMs);
      if (answer[0] !== 0x52 || answer[1] !== 0x01) throw new ReplError('protocol', 'raw-paste mode was refused after being offered');
      return true;
    }
    await this.send([0x05, 0x41, CTRL_A]);
    let answer: Uint8Array | null = null;
    try {
      answer = await this.link.rx.readExactly(2, this.timing.rawPasteProbeMs);
    } catch (error) {
      if (!(error instanceof LinkTimeoutError)) throw error;
    }
    if (answer !== null && answer[0] === 0x52 && answer[1] === 0x01) {
      this.rawPaste = true;
      return true;
    }
    // Refused (`R\x00`), answered by an older firmware (a fresh raw prompt) or not at all: clear
    // the half-typed line, re-enter the raw REPL and use plain raw mode from now on.
    this.rawPaste = false;
    await this.send([CTRL_C]);
    await sleep(50);
    this.link.rx.drain();
    await this.send([CTRL_A]);
    await this.link.rx.readUntil(RAW_PROMPT, this.timing.promptMs);
    return false;
  }

  private async writeRawPaste(bytes: Uint8Array): Promise<void> {
    const header = await this.link.rx.readExactly(2, this.timing.answerMs);
    const window = header[0] | (header[1] << 8);
    if (window === 0) throw new ReplError('protocol', 'raw-paste window of 0 bytes');
    let remaining = window;
    let sent = 0;
    while (sent < bytes.length) {
      // Credit the windows the board has freed meanwhile; wait for one when none is left.
      while (remaining === 0 || this.link.rx.available > 0) {
        const [control] = await this.link.rx.readExactly(1, this.timing.answerMs);
        if (control === CTRL_A) {
          remaining += window;
        } else if (control === CTRL_D) {
          // The board ended the paste early (it hit an error reading): acknowledge and stop.
          await this.send([CTRL_D]);
          return;
        } else {
          throw new ReplError('protocol', `unexpected byte 0x${control.toString(16)} during raw paste`);
        }
      }
      const piece = bytes.subarray(sent, sent + remaining);
      await this.send(piece);
      sent += piece.length;
      remaining -= piece.length;
    }
    await this.send([CTRL_D]);
    // The board acknowledges the end of data with \x04, possibly after window credits.
    await this.link.rx.readUntil('\x04', this.timing.answerMs);
  }

  private async writePlainRaw(bytes: Uint8Array): Promise<void> {
    const { plainChunkBytes, plainChunkPauseMs } = this.timing;
    for (let at = 0; at < bytes.length; at += plainChunkBytes) {
      await this.send(bytes.subarray(at, at + plainChunkBytes));
      if (plainChunkPauseMs > 0) await sleep(plainChunkPauseMs);
    }
    await this.send([CTRL_D]);
    const ok = await this.link.rx.readExactly(2, this.timing.answerMs);
    if (ok[0] !== 0x4f || ok[1] !== 0x4b) throw new ReplError('protocol', `the board did not accept the code (answered ${JSON.stringify(decoder.decode(ok))})`);
  }
}

/** The code ran on the board and raised: the traceback as the board printed it. */
export class BoardTraceback extends Error {
  constructor(readonly traceback: string) {
    super(traceback);
    this.name = 'BoardTraceback';
  }

  /** `OSError: 28` / `[Errno 28] ENOSPC`: the board's flash is full. */
  get isStorageFull(): boolean {
    return /OSError: (\[Errno )?28\b|ENOSPC/.test(this.traceback);
  }
}
