/**
 * A simulated MicroPython board on a simulated serial cable, for Node tests: the real MicroPython
 * REPL runs in a child process (board-process.mjs) and this side throttles both directions to the
 * chosen baud rate (10 bits per byte on the wire: 115,200 baud moves 11,520 bytes a second). It is
 * a ByteLink, so the uploader talks to it exactly as it talks to Web Serial on the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ReceiveBuffer, LinkClosedError } from '../../../src/upload/receive-buffer';
import type { ByteLink } from '../../../src/upload/raw-repl';

export interface SimulatedBoardOptions {
  rawPaste?: 'flow-control' | 'unanswered' | 'legacy';
  /** Bytes the board reports free on its flash. */
  flashFree?: number;
  /** Files on the board before the test (path → text). */
  files?: Record<string, string>;
  /** 0 for no throttling. Default 115,200. */
  baud?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Delivers chunks in order, each no earlier than the line could have carried it. */
class ThrottledLine {
  private freeAt = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly bytesPerSecond: number) {}

  carry(bytes: Uint8Array, deliver: (bytes: Uint8Array) => void): Promise<void> {
    const now = performance.now();
    const start = Math.max(now, this.freeAt);
    const due = this.bytesPerSecond > 0 ? start + (bytes.length * 1000) / this.bytesPerSecond : now;
    this.freeAt = due;
    const copy = Uint8Array.from(bytes);
    this.tail = this.tail.then(async () => {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      deliver(copy);
    });
    return this.tail;
  }
}

export class SerialBoard implements ByteLink {
  readonly rx = new ReceiveBuffer();
  /** Every byte the host wrote, as written (tests look at the protocol the uploader spoke). */
  readonly written: number[] = [];
  private readonly toBoard: ThrottledLine;
  private readonly fromBoard: ThrottledLine;
  private plugged = true;
  private nextId = 1;
  private readonly answers = new Map<number, (answer: Record<string, unknown>) => void>();
  private readonly ready: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    baud: number,
  ) {
    this.toBoard = new ThrottledLine(baud / 10);
    this.fromBoard = new ThrottledLine(baud / 10);
    (child.stdout as Readable).on('data', (chunk: Buffer) => {
      void this.fromBoard.carry(chunk, (bytes) => {
        if (this.plugged) this.rx.push(bytes);
      });
    });
    let pending = '';
    const control = child.stdio[3] as Readable;
    control.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const answer = JSON.parse(pending.slice(0, newline)) as { id: number };
        pending = pending.slice(newline + 1);
        this.answers.get(answer.id)?.(answer);
        this.answers.delete(answer.id);
      }
    });
    this.ready = this.rx.readUntil('>>> ', 20000).then(() => undefined);
  }

  static async start(options: SimulatedBoardOptions = {}): Promise<SerialBoard> {
    const child = spawn(process.execPath, [path.join(__dirname, 'board-process.mjs'), JSON.stringify(options)], {
      stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
    });
    const board = new SerialBoard(child, options.baud ?? 115200);
    await board.ready;
    board.rx.drain();
    return board;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.plugged) throw new Error('The device has been lost.');
    this.written.push(...bytes);
    await this.toBoard.carry(bytes, (carried) => {
      if (this.plugged) (this.child.stdin as Writable).write(carried);
    });
    if (!this.plugged) throw new Error('The device has been lost.');
  }

  /** Pulls the cable: reads and writes fail from now on, the board keeps its files. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.rx.close(new LinkClosedError('The device has been lost.'));
  }

  private command(cmd: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.answers.set(id, resolve);
      (this.child.stdio[3] as Writable).write(`${JSON.stringify({ ...cmd, id })}\n`);
    });
  }

  /** The board stops answering (as a board that crashed hard or whose USB chip hung). */
  async silence(): Promise<void> {
    await this.command({ cmd: 'silence' });
  }

  async readFile(file: string): Promise<string | null> {
    return (await this.command({ cmd: 'read', path: file })).text as string | null;
  }

  async stats(): Promise<{ overruns: number; resets: number }> {
    return (await this.command({ cmd: 'stats' })) as unknown as { overruns: number; resets: number };
  }

  async close(): Promise<void> {
    this.unplug();
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}
