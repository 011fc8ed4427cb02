/**
 * Messages per second over a sliding window, for a topic's "3.2 msg/s". Keeps only the arrival
 * times inside the window, and at most `maxKept` of them, so a flood cannot grow it without bound.
 */
export class RateMeter {
  private readonly times: number[] = [];

  constructor(
    readonly windowMs = 10_000,
    private readonly maxKept = 2_000,
  ) {}

  record(timeMs: number): void {
    this.times.push(timeMs);
    if (this.times.length > this.maxKept) this.times.shift();
  }

  /** Messages per second at `nowMs`. Young topics divide by how long they have been seen, not the whole window. */
  perSecond(nowMs: number): number {
    const start = nowMs - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop] < start) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
    const count = this.times.length;
    if (count === 0) return 0;
    // When the list was capped, the window it covers is shorter than windowMs.
    const span = count >= this.maxKept ? nowMs - this.times[0] : this.windowMs;
    return (count * 1000) / Math.max(span, 1000);
  }
}
