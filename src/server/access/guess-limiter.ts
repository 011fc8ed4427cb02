/**
 * Slows password guessing: after a wrong login from an address, that address's next answers are
 * delayed, the delay doubling with each failure (the first three mistakes cost nothing, so a pupil
 * who mistyped is not punished). Answers for one address are spaced out in turn, so opening many
 * connections at once does not buy more guesses. A success, or a quiet quarter of an hour, forgets
 * the failures.
 */
export interface GuessLimiterOptions {
  /** Failures in a row answered without delay. */
  freeFailures?: number;
  /** Delay after the first failure beyond the free ones; doubles after each further one. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Failures are forgotten after this long without a new one. */
  forgetAfterMs?: number;
}

interface AddressRecord {
  failures: number;
  /** Earliest time the next answer for this address may be given. */
  nextAnswerAt: number;
  lastFailureAt: number;
}

export class GuessLimiter {
  private readonly records = new Map<string, AddressRecord>();
  private readonly freeFailures: number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly forgetAfterMs: number;

  constructor(options: GuessLimiterOptions = {}) {
    this.freeFailures = options.freeFailures ?? 3;
    this.firstDelayMs = options.firstDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.forgetAfterMs = options.forgetAfterMs ?? 15 * 60_000;
  }

  /** How long to hold the answer to a login from `address` now (0 when it has no recent failures). */
  waitBeforeAnswer(address: string): number {
    const record = this.current(address);
    if (record === undefined) return 0;
    const now = Date.now();
    const answerAt = Math.max(now, record.nextAnswerAt);
    // Reserve a slot: the next concurrent attempt from this address waits one more step.
    record.nextAnswerAt = answerAt + this.delayFor(record.failures);
    return answerAt - now;
  }

  /** Records a wrong login; returns how many failures this address has in a row. */
  failed(address: string): number {
    const now = Date.now();
    const record = this.current(address) ?? { failures: 0, nextAnswerAt: now, lastFailureAt: now };
    record.failures += 1;
    record.lastFailureAt = now;
    record.nextAnswerAt = Math.max(record.nextAnswerAt, now + this.delayFor(record.failures));
    this.records.set(address, record);
    this.forgetOld(now);
    return record.failures;
  }

  /** Addresses with recent failures (the table is bounded: see forgetOld). */
  get size(): number {
    return this.records.size;
  }

  succeeded(address: string): void {
    this.records.delete(address);
  }

  /** Delay that follows the `failures`-th failure in a row. */
  delayFor(failures: number): number {
    if (failures <= this.freeFailures) return 0;
    return Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (failures - this.freeFailures - 1));
  }

  private current(address: string): AddressRecord | undefined {
    const record = this.records.get(address);
    if (record !== undefined && Date.now() - record.lastFailureAt > this.forgetAfterMs) {
      this.records.delete(address);
      return undefined;
    }
    return record;
  }

  /** Keeps the table small when many addresses fail once (a scan): drop the stale ones now and then. */
  private forgetOld(now: number): void {
    if (this.records.size < 1000) return;
    for (const [address, record] of this.records) if (now - record.lastFailureAt > this.forgetAfterMs) this.records.delete(address);
    // Still too many (a scan from many addresses at once): forget the oldest entries first.
    for (const address of this.records.keys()) {
      if (this.records.size <= 10_000) break;
      this.records.delete(address);
    }
  }
}
