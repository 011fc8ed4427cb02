/**
 * The program's output as a byte ring in shared memory. The worker writes each byte as MicroPython
 * prints it (so a print before a tight loop still shows), the page drains it a few times a second.
 * When the page falls behind, the writer waits for room, as a board waits for its serial line:
 * output is never lost and memory never grows.
 */
import { OUTPUT_RING_BYTES, Slot, type SharedViews } from './shared-memory';

export class RingWriter {
  constructor(private readonly views: SharedViews) {}

  /** Total bytes written so far (events carry it, so the page shows them in order with the output). */
  position(): number {
    return Atomics.load(this.views.slots, Slot.outWrite);
  }

  write(bytes: ArrayLike<number>): void {
    const { slots, ring } = this.views;
    for (let i = 0; i < bytes.length; i++) {
      let written = Atomics.load(slots, Slot.outWrite);
      while (((written - Atomics.load(slots, Slot.outRead)) | 0) >= OUTPUT_RING_BYTES) {
        // Full: wait (bounded, re-checked) until the page has read some.
        Atomics.wait(slots, Slot.outRead, Atomics.load(slots, Slot.outRead), 50);
        if (Atomics.load(slots, Slot.stop) !== 0) return;
        written = Atomics.load(slots, Slot.outWrite);
      }
      ring[(written >>> 0) % OUTPUT_RING_BYTES] = bytes[i];
      Atomics.store(slots, Slot.outWrite, (written + 1) | 0);
    }
  }
}

export class RingReader {
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly views: SharedViews) {}

  /** Text written since the last call, up to `until` (a writer position) when given. */
  read(until?: number): string {
    const { slots, ring } = this.views;
    const read = Atomics.load(slots, Slot.outRead);
    const written = until ?? Atomics.load(slots, Slot.outWrite);
    const available = (written - read) | 0;
    if (available <= 0) return '';
    const bytes = new Uint8Array(available);
    for (let i = 0; i < available; i++) bytes[i] = ring[((read + i) >>> 0) % OUTPUT_RING_BYTES];
    Atomics.store(slots, Slot.outRead, (read + available) | 0);
    Atomics.notify(slots, Slot.outRead);
    // stream: a Chinese character split across two reads is decoded once both halves are in.
    return this.decoder.decode(bytes, { stream: true });
  }
}
