/**
 * The memory the page and the simulator's worker share (a SharedArrayBuffer, so the board page must
 * be cross-origin isolated). A blocking Python program cannot read `postMessage` replies, so
 * everything it waits for arrives here and it blocks with `Atomics.wait`, never spinning:
 * - one RPC slot: the worker posts a request and waits until the page writes the JSON reply;
 * - a ring of received messages the worker takes without asking the page (the page may be busy),
 *   and a counter the page bumps when messages arrive or the link drops (wait_msg waits on it);
 * - the level and mode of every GPIO pin (LED panel and buttons, read and written without messages);
 * - a byte ring for the program's output (prints never post one message each).
 * Imported by both sides; no DOM, no worker globals.
 */

/** Int32 slots at the start of the buffer. */
export const Slot = {
  /** 0 idle, 1 request posted, 2 reply written. */
  rpcState: 0,
  rpcLength: 1,
  /** Set to 1 by Stop: the program's next sleep or wait raises KeyboardInterrupt. */
  stop: 2,
  /** Sleeps wait on this slot (with a timeout), so Stop can wake them. */
  wake: 3,
  /** Bumped by the page for every arrival or link change; wait_msg waits on it. */
  inboxSeq: 4,
  /** 1 while the simulated board's MQTT link is up. */
  linkUp: 6,
  /** Output ring: bytes written and read so far (free-running, wrap at 2^32). */
  outWrite: 7,
  outRead: 8,
  /** Inbox ring (messages for the program): bytes written by the page and read by the worker so far. */
  inWrite: 9,
  inRead: 10,
  /** First of PIN_COUNT levels (an output's 0/1, or whether an input's button is pressed), then PIN_COUNT modes (PinMode). */
  pinLevels: 16,
  pinModes: 16 + 40,
} as const;

export const PIN_COUNT = 40;
const HEADER_BYTES = 512;
/** JSON replies (a batch of messages, an input line) must fit here. */
export const REPLY_BYTES = 1024 * 1024;
export const OUTPUT_RING_BYTES = 64 * 1024;
/** Received messages wait here for check_msg()/wait_msg(): the worker takes them without asking the page. */
export const INBOX_RING_BYTES = 1024 * 1024;

/** What the program made of a pin (machine.Pin's mode and pull), as stored in its mode slot. */
export const PinMode = { unused: 0, output: 1, input: 2, inputPullUp: 3, inputPullDown: 4 } as const;

export const RpcState = { idle: 0, posted: 1, replied: 2 } as const;

export interface SharedViews {
  buffer: SharedArrayBuffer;
  slots: Int32Array;
  reply: Uint8Array;
  ring: Uint8Array;
  inbox: Uint8Array;
}

export function createSharedMemory(): SharedViews {
  return viewsOf(new SharedArrayBuffer(HEADER_BYTES + REPLY_BYTES + OUTPUT_RING_BYTES + INBOX_RING_BYTES));
}

export function viewsOf(buffer: SharedArrayBuffer): SharedViews {
  return {
    buffer,
    slots: new Int32Array(buffer, 0, HEADER_BYTES / 4),
    reply: new Uint8Array(buffer, HEADER_BYTES, REPLY_BYTES),
    ring: new Uint8Array(buffer, HEADER_BYTES + REPLY_BYTES, OUTPUT_RING_BYTES),
    inbox: new Uint8Array(buffer, HEADER_BYTES + REPLY_BYTES + OUTPUT_RING_BYTES, INBOX_RING_BYTES),
  };
}

/** TextDecoder refuses shared memory: copy first. */
export function copyOut(view: Uint8Array, start: number, length: number): Uint8Array {
  const copy = new Uint8Array(length);
  copy.set(view.subarray(start, start + length));
  return copy;
}
