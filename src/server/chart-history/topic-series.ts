/**
 * The server's chart history of one topic: numbers only (no payloads), in fixed-size typed arrays
 * used as a ring, so a point costs 8 bytes for its time, 8 per field and 2 for its sender.
 * Senders are interned per topic and forgotten when their last point goes.
 */
import type { HistoryLimits } from '../../readings/history-limits';
import { MAX_FIELDS, type Reading } from '../../readings/numeric-payload';
import type { HistoryPiece } from '../../readings/history-piece';

/** Rough bytes a JavaScript string and its slot cost (header plus two bytes a character at most). */
const stringBytes = (text: string): number => 40 + 2 * text.length;
const FIRST_CAPACITY = 64;
/** What a topic costs besides its points: the map entry, arrays' headers, the field names. */
const TOPIC_OVERHEAD_BYTES = 400;

export class TopicSeries {
  readonly fields: string[] = [];
  /** Points ever added; with `length`, numbers the points so a reader can resume where it stopped. */
  added = 0;
  length = 0;
  private head = 0;
  private capacity = 0;
  private times = new Float64Array(0);
  private columns: Float64Array[] = [];
  private senders = new Uint16Array(0);
  private readonly senderNames: Array<string | null> = [];
  private readonly senderCounts: number[] = [];
  private readonly senderSlots = new Map<string | null, number>();
  private readonly freeSlots: number[] = [];
  private senderBytes = 0;

  constructor(
    readonly topic: string,
    private readonly limits: HistoryLimits,
  ) {
    // Sender numbers are 16-bit: there are never more distinct senders than points.
    if (limits.maxPoints > 0xffff) throw new RangeError('maxPoints must be at most 65535');
  }

  /** Memory this topic holds, as counted against the store's bound. */
  get bytes(): number {
    return TOPIC_OVERHEAD_BYTES + stringBytes(this.topic) + this.fields.reduce((sum, field) => sum + stringBytes(field), 0) + this.capacity * (8 + 2 + 8 * this.columns.length) + this.senderBytes;
  }

  /** Time of the newest point (ms), or -Infinity when empty. */
  get lastTime(): number {
    return this.length === 0 ? Number.NEGATIVE_INFINITY : this.times[this.at(this.length - 1)];
  }

  add(timeMs: number, reading: Reading, sender: string | null): void {
    for (const field of reading.keys()) {
      if (this.fields.includes(field) || this.fields.length >= MAX_FIELDS) continue;
      this.fields.push(field);
      this.columns.push(new Float64Array(this.capacity).fill(Number.NaN));
    }
    if (this.length === this.limits.maxPoints) this.dropOldest();
    if (this.length === this.capacity) this.grow();
    // Times never go back (as on the page): a chart drawn from them must not zig-zag.
    const time = Math.max(timeMs, this.lastTime);
    const index = this.at(this.length);
    this.times[index] = time;
    this.fields.forEach((field, column) => {
      this.columns[column][index] = reading.get(field) ?? Number.NaN;
    });
    this.senders[index] = this.senderSlot(sender);
    this.length += 1;
    this.added += 1;
  }

  /** Drops points older than the age limit, measured from `nowMs`. */
  trim(nowMs: number): void {
    const oldest = nowMs - this.limits.maxAgeMs;
    while (this.length > 0 && this.times[this.head] < oldest) this.dropOldest();
  }

  /**
   * Up to `maxPoints` points from point number `fromAdded` on (points already gone are skipped), as
   * a piece for the page; null when there is nothing from there.
   */
  piece(fromAdded: number, maxPoints: number, through: number): { piece: HistoryPiece; nextAdded: number } | null {
    const firstAdded = this.added - this.length;
    const start = Math.max(fromAdded, firstAdded);
    const count = Math.min(maxPoints, this.added - start);
    if (count <= 0) return null;
    const clients: Array<string | null> = [];
    const clientIndex = new Map<number, number>();
    const times: number[] = [];
    const from: number[] = [];
    const values: Array<Array<number | null>> = this.fields.map(() => []);
    for (let i = 0; i < count; i += 1) {
      const index = this.at(start - firstAdded + i);
      times.push(this.times[index]);
      const slot = this.senders[index];
      let client = clientIndex.get(slot);
      if (client === undefined) {
        client = clients.length;
        clients.push(this.senderNames[slot]);
        clientIndex.set(slot, client);
      }
      from.push(client);
      this.columns.forEach((column, j) => {
        const value = column[index];
        values[j].push(Number.isNaN(value) ? null : value);
      });
    }
    return { piece: { topic: this.topic, fields: [...this.fields], clients, times, from, values, through }, nextAdded: start + count };
  }

  private at(offset: number): number {
    return (this.head + offset) % this.capacity;
  }

  private dropOldest(): void {
    this.releaseSender(this.senders[this.head]);
    this.head = (this.head + 1) % this.capacity;
    this.length -= 1;
  }

  /** Doubles the ring (up to the point limit), oldest point first again. */
  private grow(): void {
    const capacity = Math.min(this.limits.maxPoints, Math.max(FIRST_CAPACITY, this.capacity * 2));
    const order = (source: Float64Array | Uint16Array, target: Float64Array | Uint16Array): void => {
      for (let i = 0; i < this.length; i += 1) target[i] = source[this.at(i)];
    };
    const times = new Float64Array(capacity);
    order(this.times, times);
    const senders = new Uint16Array(capacity);
    order(this.senders, senders);
    const columns = this.columns.map((column) => {
      const grown = new Float64Array(capacity).fill(Number.NaN);
      order(column, grown);
      return grown;
    });
    this.times = times;
    this.senders = senders;
    this.columns = columns;
    this.capacity = capacity;
    this.head = 0;
  }

  private senderSlot(sender: string | null): number {
    let slot = this.senderSlots.get(sender);
    if (slot === undefined) {
      // A flat copy of the same text: a string built from pieces would keep every piece alive.
      const kept = sender === null ? null : (JSON.parse(JSON.stringify(sender)) as string);
      slot = this.freeSlots.pop() ?? this.senderNames.length;
      this.senderNames[slot] = kept;
      this.senderCounts[slot] = 0;
      this.senderSlots.set(kept, slot);
      this.senderBytes += stringBytes(sender ?? '');
    }
    this.senderCounts[slot] += 1;
    return slot;
  }

  private releaseSender(slot: number): void {
    this.senderCounts[slot] -= 1;
    if (this.senderCounts[slot] > 0) return;
    const sender = this.senderNames[slot];
    this.senderSlots.delete(sender);
    this.senderNames[slot] = null;
    this.freeSlots.push(slot);
    this.senderBytes -= stringBytes(sender ?? '');
  }
}
