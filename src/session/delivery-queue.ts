/**
 * A bounded first-in-first-out queue: when full, the oldest item makes room for the newest and the
 * drop is counted, so a slow script shows what it missed instead of growing memory without end.
 * Ring buffer: push and shift are O(1) even under a flood.
 */
export class BoundedQueue<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private length = 0;
  /** Items pushed out because the queue was full, since creation. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    if (this.length === this.capacity) {
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.length--;
      this.dropped++;
    }
    this.items[(this.head + this.length) % this.capacity] = item;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.length--;
    return item;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.length = 0;
  }
}
