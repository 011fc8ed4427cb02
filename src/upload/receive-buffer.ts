/**
 * Bytes arriving from a board, waited on by the uploader: "read until this marker" and "read
 * exactly n bytes", each bounded in time, so a board that stops answering becomes an error and
 * never a hung page. DOM-free: the page's Web Serial reader and Node tests both push into it.
 */

/** The link to the board closed (cable unplugged, port lost) while something waited for it. */
export class LinkClosedError extends Error {
  constructor(message = 'the serial link closed') {
    super(message);
    this.name = 'LinkClosedError';
  }
}

/** Nothing matching arrived in time. `received` counts every byte that came meanwhile. */
export class LinkTimeoutError extends Error {
  constructor(
    readonly waitedFor: string,
    readonly received: number,
  ) {
    super(`no ${waitedFor} from the board in time (${received} other bytes arrived)`);
    this.name = 'LinkTimeoutError';
  }
}

interface Waiter {
  /** Length of the answer if the buffer now holds it, or -1. */
  find(): number;
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** At most this much unread output is kept (a chatty board cannot grow it without bound). */
const MAX_BUFFERED = 1 << 20;

function indexOf(haystack: Uint8Array, length: number, needle: Uint8Array): number {
  outer: for (let start = 0; start + needle.length <= length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return start;
  }
  return -1;
}

export class ReceiveBuffer {
  private bytes = new Uint8Array(4096);
  private length = 0;
  private waiter: Waiter | null = null;
  private closedWith: Error | null = null;
  /** Every byte ever pushed (tells "silent" from "answered with something else"). */
  totalReceived = 0;

  push(chunk: Uint8Array): void {
    if (this.closedWith !== null || chunk.length === 0) return;
    this.totalReceived += chunk.length;
    if (this.length + chunk.length > this.bytes.length) {
      if (this.length + chunk.length > MAX_BUFFERED) {
        // Keep the newest output: an answer being waited for is at the end.
        const keep = this.bytes.subarray(Math.max(0, this.length + chunk.length - MAX_BUFFERED), this.length);
        this.bytes = new Uint8Array(MAX_BUFFERED);
        this.bytes.set(keep);
        this.length = keep.length;
      } else {
        const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + chunk.length));
        grown.set(this.bytes.subarray(0, this.length));
        this.bytes = grown;
      }
    }
    const room = Math.min(chunk.length, this.bytes.length - this.length);
    this.bytes.set(chunk.subarray(chunk.length - room), this.length);
    this.length += room;
    this.settle();
  }

  /** The link is gone: every wait fails now and later. */
  close(error: Error = new LinkClosedError()): void {
    if (this.closedWith !== null) return;
    this.closedWith = error;
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter !== null) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  /** Bytes received and not yet read. */
  get available(): number {
    return this.length;
  }

  /** Takes everything received so far (and not read). */
  drain(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }

  /** Everything up to and including `marker`; what came before the marker is part of the answer. */
  readUntil(marker: Uint8Array | string, timeoutMs: number): Promise<Uint8Array> {
    const needle = typeof marker === 'string' ? new TextEncoder().encode(marker) : marker;
    return this.wait(
      () => {
        const at = indexOf(this.bytes, this.length, needle);
        return at < 0 ? -1 : at + needle.length;
      },
      timeoutMs,
      JSON.stringify(new TextDecoder().decode(needle)),
    );
  }

  readExactly(count: number, timeoutMs: number): Promise<Uint8Array> {
    return this.wait(() => (this.length >= count ? count : -1), timeoutMs, `${count} bytes`);
  }

  private wait(find: () => number, timeoutMs: number, what: string): Promise<Uint8Array> {
    if (this.waiter !== null) return Promise.reject(new Error('ReceiveBuffer: one read at a time'));
    if (this.closedWith !== null) return Promise.reject(this.closedWith);
    const before = this.totalReceived;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new LinkTimeoutError(what, this.totalReceived - before));
      }, timeoutMs);
      this.waiter = { find, resolve, reject, timer };
      this.settle();
    });
  }

  private settle(): void {
    const waiter = this.waiter;
    if (waiter === null) return;
    const end = waiter.find();
    if (end < 0) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    const answer = this.bytes.slice(0, end);
    this.bytes.copyWithin(0, end, this.length);
    this.length -= end;
    waiter.resolve(answer);
  }
}
