/**
 * The bounded history of one charted topic: the last `maxAgeMs` or `maxPoints` readings, whichever
 * is smaller, kept as columns that uPlot draws as they are (no copy per frame).
 */
import type { Reading } from '../../readings/numeric-payload';
import { MAX_FIELDS } from '../../readings/numeric-payload';
import { DEFAULT_LIMITS, type HistoryLimits } from '../../readings/history-limits';

export { DEFAULT_LIMITS, type HistoryLimits };

export class TopicHistory {
  /** Field names in the order they were first seen (at most MAX_FIELDS). */
  readonly fields: string[] = [];
  /** Seconds since the epoch (uPlot's time unit). */
  readonly times: number[] = [];
  /** One column per field; null where a message did not carry that field. */
  readonly columns: Array<Array<number | null>> = [];
  /** Client id that sent each point (null for the broker itself). */
  readonly senders: Array<string | null> = [];
  /** Fields past MAX_FIELDS that were ignored, so the card can say so. */
  ignoredFields = 0;

  constructor(private readonly limits: HistoryLimits = DEFAULT_LIMITS) {}

  get length(): number {
    return this.times.length;
  }

  add(timeMs: number, reading: Reading, sender: string | null): void {
    for (const field of reading.keys()) {
      if (this.fields.includes(field)) continue;
      if (this.fields.length >= MAX_FIELDS) {
        this.ignoredFields += 1;
        continue;
      }
      this.fields.push(field);
      // A field that appears late has no value for the points before it.
      this.columns.push(new Array<number | null>(this.times.length).fill(null));
    }
    // Out-of-order times (a page clock going back) would make uPlot draw zig-zags: keep order.
    const last = this.times[this.times.length - 1];
    const time = last !== undefined && timeMs / 1000 < last ? last : timeMs / 1000;
    this.times.push(time);
    this.senders.push(sender);
    this.fields.forEach((field, index) => this.columns[index].push(reading.get(field) ?? null));
    this.trim(timeMs);
  }

  /** Drops points beyond the count limit and points older than the age limit, measured from `nowMs`. */
  trim(nowMs: number): void {
    const oldest = (nowMs - this.limits.maxAgeMs) / 1000;
    let drop = Math.max(0, this.times.length - this.limits.maxPoints);
    while (drop < this.times.length && this.times[drop] < oldest) drop += 1;
    if (drop === 0) return;
    // shift() for the common one-point case: V8 moves the array start instead of copying.
    if (drop === 1) {
      this.times.shift();
      this.senders.shift();
      for (const column of this.columns) column.shift();
      return;
    }
    this.times.splice(0, drop);
    this.senders.splice(0, drop);
    for (const column of this.columns) column.splice(0, drop);
  }

  /**
   * Forgets the points from `timeMs` on, before the server's history of the same time span is added
   * (a page that reconnects gets it again): what only this page had, before that, stays.
   */
  dropFrom(timeMs: number): void {
    const from = timeMs / 1000;
    let keep = this.times.length;
    while (keep > 0 && this.times[keep - 1] >= from) keep -= 1;
    if (keep === this.times.length) return;
    this.times.length = keep;
    this.senders.length = keep;
    for (const column of this.columns) column.length = keep;
  }

  /** The latest value of each field that has one, in field order. */
  latest(): Array<[string, number]> {
    const result: Array<[string, number]> = [];
    this.fields.forEach((field, index) => {
      const column = this.columns[index];
      for (let i = column.length - 1; i >= 0; i -= 1) {
        const value = column[i];
        if (value !== null && value !== undefined) {
          result.push([field, value]);
          return;
        }
      }
    });
    return result;
  }
}
