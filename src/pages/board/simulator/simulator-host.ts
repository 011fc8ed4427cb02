/**
 * Runs board programs on simulated boards: one fresh Web Worker (MicroPython) per run, its shared
 * memory, the MQTT link the page keeps for it, and the order of what it prints and reports.
 * Stop first asks the program to stop (KeyboardInterrupt at its next sleep or wait, so its
 * `finally` leaves the broker politely), and ends the worker outright if it has not stopped
 * soon (a tight loop never sleeps). The next worker is booted in advance, so a second run starts
 * without loading MicroPython again.
 */
import { MqttLink, type LinkNotes, type LinkReply } from './mqtt-link';
import { RingReader } from './output-ring';
import { ENDING_EVENTS, type BoardEvent, type FromWorker, type ProgramFile, type ToWorker } from './protocol';
import { createSharedMemory, PIN_COUNT, REPLY_BYTES, RpcState, Slot, type SharedViews } from './shared-memory';

export const WORKER_URL = '/dist/simulator-worker.js';
export const MICROPYTHON_URL = '/dist/micropython/micropython.mjs';
export const WASM_URL = '/dist/micropython/micropython.wasm';

/** After Stop, the program has this long to finish its `finally` before the worker is ended. */
const GRACEFUL_STOP_MS = 300;
const POLL_MS = 30;
const MAX_INPUT_CHARS = 4096;
const MAX_WAITING_LINES = 100;

export interface PinState {
  levels: number[];
  modes: number[];
}

/** What the host tells the page, in the order the program did it. */
export interface BoardObserver extends LinkNotes {
  output(text: string): void;
  event(event: BoardEvent): void;
  pins(state: PinState): void;
  /** The program waits in input() for a line (true) or no longer (false). */
  wantsInput(waiting: boolean): void;
  running(running: boolean): void;
  bootFailed(detail: string): void;
}

interface BootedWorker {
  worker: Worker;
  views: SharedViews;
  /** True once MicroPython is loaded; false if it could not be (then `bootError` says why). */
  ready: Promise<boolean>;
  bootError: string | null;
  /** Messages after boot, and a crash of the worker, go to the run that uses it. */
  messages: (message: FromWorker) => void;
  failed: (detail: string) => void;
}

function bootWorker(): BootedWorker {
  const worker = new Worker(WORKER_URL, { type: 'module', name: 'mqtt-blocks simulator' });
  const views = createSharedMemory();
  let settle: (ready: boolean) => void = () => {};
  const booted: BootedWorker = {
    worker,
    views,
    ready: new Promise<boolean>((resolve) => (settle = resolve)),
    bootError: null,
    messages: () => {},
    failed: () => {},
  };
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'ready') settle(true);
    else if (message.type === 'bootFailed') {
      booted.bootError = message.detail;
      settle(false);
    } else booted.messages(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const detail = event.message || 'the simulator could not start';
    booted.bootError ??= detail;
    settle(false);
    booted.failed(detail);
  };
  const boot: ToWorker = { type: 'boot', memory: views.buffer, moduleUrl: new URL(MICROPYTHON_URL, location.href).href, wasmUrl: new URL(WASM_URL, location.href).href };
  worker.postMessage(boot);
  return booted;
}

/** Six random bytes, like the MAC address an ESP32 reports as machine.unique_id(); one per tab. */
function newUniqueId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SimulatorHost {
  readonly uniqueIdHex = newUniqueId();
  private spare: BootedWorker | null = null;
  private current: { booted: BootedWorker; link: MqttLink; reader: RingReader; bootError: string | null } | null = null;
  private pendingEvents: Array<{ at: number; event: BoardEvent }> = [];
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private waitingLines: string[] = [];
  private inputWaiting = false;
  private finished: (() => void) | null = null;
  private lastFiles: ProgramFile[] = [];
  private resetTimer: ReturnType<typeof setTimeout> | undefined;
  /** The current run has reported how it ended (finished, error, stopped...). */
  private endingSeen = false;
  /** machine.reset() was called: the program starts again shortly. */
  private resetPending = false;

  constructor(
    private readonly observer: BoardObserver,
    private readonly brokerUrl: () => Promise<string>,
  ) {}

  get isRunning(): boolean {
    return this.current !== null;
  }

  /** Stops whatever runs, then runs `files` (main.py first) on a fresh simulated board. */
  async run(files: ProgramFile[]): Promise<void> {
    clearTimeout(this.resetTimer);
    this.resetPending = false;
    await this.stop();
    this.lastFiles = files;
    const booted = this.spare ?? bootWorker();
    this.spare = null;
    const link = new MqttLink(booted.views, this.brokerUrl, this.observer);
    const run = { booted, link, reader: new RingReader(booted.views), bootError: null as string | null };
    this.current = run;
    this.pendingEvents = [];
    this.endingSeen = false;
    this.waitingLines = [];
    this.observer.running(true);
    booted.messages = (message) => void this.onMessage(run, message);
    booted.failed = (detail) => this.finish(run, detail);
    this.pollTimer = setInterval(() => this.poll(), POLL_MS);
    // A worker booted in advance is usually ready already.
    if (await booted.ready) this.start(run);
    else this.finish(run, booted.bootError ?? 'the simulator could not start');
  }

  /** Asks the program to stop, ends it if it does not; resolves once the board is off. */
  async stop(): Promise<void> {
    clearTimeout(this.resetTimer);
    const run = this.current;
    if (run === null) {
      if (this.resetPending) {
        this.resetPending = false;
        this.observer.event({ kind: 'stopped' });
        this.observer.running(false);
      }
      return;
    }
    const { slots } = run.booted.views;
    Atomics.store(slots, Slot.stop, 1);
    for (const slot of [Slot.wake, Slot.inboxSeq, Slot.outRead]) Atomics.notify(slots, slot);
    if (this.inputWaiting) this.reply(run, { stop: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.finish(run, null);
      }, GRACEFUL_STOP_MS);
      this.finished = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** A line typed into the console: the program's next input() gets it. */
  typeLine(line: string): void {
    const run = this.current;
    if (run === null) return;
    const cut = line.slice(0, MAX_INPUT_CHARS);
    if (this.inputWaiting) this.reply(run, { line: cut });
    else if (this.waitingLines.length < MAX_WAITING_LINES) this.waitingLines.push(cut);
  }

  /** Presses (true) or releases a virtual button wired to `pin`. */
  press(pin: number, pressed: boolean): void {
    const run = this.current;
    if (run === null || pin < 0 || pin >= PIN_COUNT) return;
    // The program reads it through machine.Pin, which applies the pin's pull (worker.ts pin_read).
    Atomics.store(run.booted.views.slots, Slot.pinLevels + pin, pressed ? 1 : 0);
  }

  private start(run: NonNullable<SimulatorHost['current']>): void {
    if (this.current !== run) return;
    const { slots } = run.booted.views;
    for (let pin = 0; pin < PIN_COUNT; pin++) Atomics.store(slots, Slot.pinLevels + pin, 0);
    const message: ToWorker = { type: 'run', files: this.lastFiles, uniqueIdHex: this.uniqueIdHex };
    run.booted.worker.postMessage(message);
    // Boot the next board now, while this one runs: the next Run starts at once.
    if (this.spare === null) this.spare = bootWorker();
  }

  private async onMessage(run: NonNullable<SimulatorHost['current']>, message: FromWorker): Promise<void> {
    if (this.current !== run) return;
    switch (message.type) {
      case 'ready':
      case 'bootFailed':
        return; // handled by bootWorker's promise
      case 'event':
        this.pendingEvents.push({ at: message.at, event: message.event });
        this.poll();
        if (message.event.kind === 'reset') this.scheduleReset();
        return;
      case 'done':
        this.finish(run, null);
        return;
      case 'call':
        await this.call(run, message.op, (message.args ?? {}) as Record<string, unknown>);
        return;
    }
  }

  private async call(run: NonNullable<SimulatorHost['current']>, op: string, args: Record<string, unknown>): Promise<void> {
    if (op === 'input') {
      const line = this.waitingLines.shift();
      if (line !== undefined) {
        this.reply(run, { line });
      } else {
        this.poll();
        this.inputWaiting = true;
        this.observer.wantsInput(true);
      }
      return;
    }
    let reply: LinkReply;
    try {
      reply = await run.link.handle(op, args);
    } catch {
      reply = { error: 'oserror', code: 5 };
    }
    if (this.current === run) this.reply(run, reply);
  }

  private reply(run: NonNullable<SimulatorHost['current']>, reply: LinkReply): void {
    if (this.inputWaiting) {
      this.inputWaiting = false;
      this.observer.wantsInput(false);
    }
    const { slots, reply: area } = run.booted.views;
    let bytes = new TextEncoder().encode(JSON.stringify(reply));
    if (bytes.length > REPLY_BYTES) bytes = new TextEncoder().encode('{"error":"oserror","code":12}');
    area.set(bytes);
    Atomics.store(slots, Slot.rpcLength, bytes.length);
    Atomics.store(slots, Slot.rpcState, RpcState.replied);
    Atomics.notify(slots, Slot.rpcState);
  }

  /** Shows output and events in the order the program produced them, and the pins. */
  private poll(): void {
    const run = this.current;
    if (run === null) return;
    while (this.pendingEvents.length > 0) {
      const next = this.pendingEvents.shift() as { at: number; event: BoardEvent };
      // The library ends main.py quietly on KeyboardInterrupt: after Stop, that is "stopped".
      if (next.event.kind === 'finished' && Atomics.load(run.booted.views.slots, Slot.stop) !== 0) next.event = { kind: 'stopped' };
      this.emitOutput(run.reader.read(next.at));
      if (ENDING_EVENTS.has(next.event.kind)) this.endingSeen = true;
      this.observer.event(next.event);
    }
    this.emitOutput(run.reader.read());
    // Messages the shared inbox had no room for go in as the program takes the others.
    run.link.flushInbox();
    const { slots } = run.booted.views;
    const levels: number[] = [];
    const modes: number[] = [];
    for (let pin = 0; pin < PIN_COUNT; pin++) {
      levels.push(Atomics.load(slots, Slot.pinLevels + pin));
      modes.push(Atomics.load(slots, Slot.pinModes + pin));
    }
    this.observer.pins({ levels, modes });
  }

  private emitOutput(text: string): void {
    if (text !== '') this.observer.output(text);
  }

  private finish(run: NonNullable<SimulatorHost['current']>, bootError: string | null): void {
    if (this.current !== run) return;
    this.poll();
    clearInterval(this.pollTimer);
    run.booted.worker.terminate();
    void run.link.close();
    this.current = null;
    if (this.inputWaiting) {
      this.inputWaiting = false;
      this.observer.wantsInput(false);
    }
    if (bootError !== null) {
      this.observer.bootFailed(bootError);
      this.spare?.worker.terminate();
      this.spare = null;
    }
    if (!this.endingSeen && bootError === null) this.observer.event({ kind: 'stopped' });
    // Between a machine.reset() and the restart the board still counts as running (Stop stays available).
    if (!this.resetPending) this.observer.running(false);
    const finished = this.finished;
    this.finished = null;
    finished?.();
  }

  private scheduleReset(): void {
    // machine.reset(): like a board, start main.py again (after a short pause, so a reset loop cannot hog the page).
    const files = this.lastFiles;
    this.resetPending = true;
    this.resetTimer = setTimeout(() => {
      this.resetPending = false;
      void this.run(files);
    }, 500);
  }
}
