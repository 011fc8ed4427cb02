/**
 * The simulator's Web Worker: MicroPython (WebAssembly) runs the board program here, so the page
 * never freezes, and the page can end it at once with `terminate()` (Stop on `while True: pass`).
 * Board modules are Python files (python/) over `_simboard`, a set of synchronous functions that
 * block on shared memory with Atomics.wait: a sleeping program uses no CPU and the page keeps
 * receiving MQTT messages for it meanwhile.
 */
import { toHex } from './hex';
import { takeMessages } from './inbox-ring';
import { RingWriter } from './output-ring';
import type { BoardEvent, FromWorker, ProgramFile, ToWorker } from './protocol';
import { copyOut, PIN_COUNT, PinMode, RpcState, Slot, viewsOf, type SharedViews } from './shared-memory';
import { BOARD_MODULES } from './python/modules';

interface MicroPython {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string | Uint8Array): void };
  registerJsModule(name: string, module: Record<string, unknown>): void;
  runPython(code: string): unknown;
}
type LoadMicroPython = (options: Record<string, unknown>) => Promise<MicroPython>;

const post = (message: FromWorker): void => (self as unknown as Worker).postMessage(message);

/** Board time starts at the worker's start, as ticks start at a board's reset. */
const bootTime = performance.now();
const TICKS_MASK = (1 << 30) - 1;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
/** One take() hands Python at most this many messages / about this many bytes. */
const TAKE_COUNT = 256;
const TAKE_BYTES = 256 * 1024;

let micropython: MicroPython | null = null;
let uniqueIdHex = '000000000000';

function boardFunctions(views: SharedViews, out: RingWriter): Record<string, unknown> {
  const { slots, reply } = views;
  const stopped = (): boolean => Atomics.load(slots, Slot.stop) !== 0;
  const decoder = new TextDecoder();
  return {
    sleep_ms(ms: number): boolean {
      const end = performance.now() + Math.max(0, Number(ms) || 0);
      for (;;) {
        if (stopped()) return true;
        const left = end - performance.now();
        if (left <= 0) return false;
        Atomics.wait(slots, Slot.wake, Atomics.load(slots, Slot.wake), left);
      }
    },
    ticks_ms: (): number => Math.floor(performance.now() - bootTime) & TICKS_MASK,
    ticks_us: (): number => Math.floor((performance.now() - bootTime) * 1000) & TICKS_MASK,
    time_s: (): number => Math.floor((Date.now() - EPOCH_2000_MS) / 1000),
    unique_id_hex: (): string => uniqueIdHex,
    call(op: string, argsJson: string): string {
      Atomics.store(slots, Slot.rpcState, RpcState.posted);
      post({ type: 'call', op, args: JSON.parse(argsJson) as unknown });
      while (Atomics.load(slots, Slot.rpcState) !== RpcState.replied) {
        Atomics.wait(slots, Slot.rpcState, RpcState.posted, 1000);
      }
      const text = decoder.decode(copyOut(reply, 0, Atomics.load(slots, Slot.rpcLength)));
      Atomics.store(slots, Slot.rpcState, RpcState.idle);
      return text;
    },
    event(json: string): void {
      post({ type: 'event', at: out.position(), event: JSON.parse(json) as BoardEvent });
    },
    inbox_seq: (): number => Atomics.load(slots, Slot.inboxSeq),
    /** Waiting messages as JSON `[[topic, payload hex], ...]`, '' when none: no round trip to the page. */
    take(): string {
      const taken = takeMessages(views, TAKE_COUNT, TAKE_BYTES);
      return taken.length === 0 ? '' : JSON.stringify(taken.map(({ topic, payload }) => [decoder.decode(topic), toHex(payload)]));
    },
    link_up: (): boolean => Atomics.load(slots, Slot.linkUp) === 1,
    wait_inbox(seen: number, timeoutMs: number): boolean {
      if (stopped()) return true;
      Atomics.wait(slots, Slot.inboxSeq, seen, timeoutMs);
      return stopped();
    },
    pin_mode(pin: number, mode: number): void {
      if (pin >= 0 && pin < PIN_COUNT) Atomics.store(slots, Slot.pinModes + pin, mode);
    },
    pin_write(pin: number, level: number): void {
      if (pin >= 0 && pin < PIN_COUNT) Atomics.store(slots, Slot.pinLevels + pin, level ? 1 : 0);
    },
    pin_read(pin: number): number {
      if (pin < 0 || pin >= PIN_COUNT) return 0;
      const level = Atomics.load(slots, Slot.pinLevels + pin);
      // An input pin's slot holds whether its button is pressed: a button to ground on a pulled-up pin reads 0.
      return Atomics.load(slots, Slot.pinModes + pin) === PinMode.inputPullUp ? 1 - level : level;
    },
  };
}

async function boot(message: Extract<ToWorker, { type: 'boot' }>): Promise<void> {
  const views = viewsOf(message.memory);
  const out = new RingWriter(views);
  const { loadMicroPython } = (await import(/* webpackIgnore: true */ message.moduleUrl)) as { loadMicroPython: LoadMicroPython };
  const write = (bytes: Uint8Array): void => out.write(bytes);
  micropython = await loadMicroPython({
    url: message.wasmUrl,
    // An ESP32 has a few hundred kB for Python; a little more here costs nothing.
    heapsize: 4 * 1024 * 1024,
    linebuffer: false,
    stdout: write,
    stderr: write,
  });
  micropython.registerJsModule('_simboard', boardFunctions(views, out));
  micropython.FS.mkdirTree('/sim/umqtt');
  for (const [name, text] of Object.entries(BOARD_MODULES)) micropython.FS.writeFile(`/sim/${name}`, text);
  micropython.runPython("import sys\nsys.path[:] = ['/sim', '', '/lib']\nimport _simrun");
}

function run(files: ProgramFile[]): void {
  const mp = micropython;
  if (mp === null) throw new Error('run before boot');
  for (const file of files) mp.FS.writeFile(`/${file.name}`, file.text);
  mp.runPython('_simrun.run()');
}

self.onmessage = (event: MessageEvent<ToWorker>): void => {
  const message = event.data;
  if (message.type === 'boot') {
    boot(message).then(
      () => post({ type: 'ready' }),
      (error: unknown) => post({ type: 'bootFailed', detail: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  uniqueIdHex = message.uniqueIdHex;
  try {
    run(message.files);
  } catch (error) {
    post({ type: 'event', at: 0, event: { kind: 'error', traceback: error instanceof Error ? error.message : String(error) } });
  }
  post({ type: 'done' });
};
