/**
 * A bounded first-in-first-out queue: when full, the oldest item makes room for the newest and the
 * drop is counted, so a slow script shows what it missed instead of growing memory without end.
 * Ring buffer: push and shift are O(1) even under a flood. It starts small and grows up to its
 * bound only when a script actually falls behind: a project with hundreds of clones listening
 * must not reserve a thousand slots for each of them.
 */
const INITIAL_SLOTS = 8;

export class BoundedQueue<T> {
  private items: Array<T | undefined>;
  private head = 0;
  private length = 0;
  /** Items pushed out because the queue was full, since creation. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(Math.min(INITIAL_SLOTS, capacity));
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    if (this.length === this.items.length) {
      if (this.items.length < this.capacity) this.grow();
      else this.dropOldest();
    }
    this.items[(this.head + this.length) % this.items.length] = item;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return item;
  }

  clear(): void {
    this.items = new Array<T | undefined>(Math.min(INITIAL_SLOTS, this.capacity));
    this.head = 0;
    this.length = 0;
  }

  private dropOldest(): void {
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    this.dropped++;
  }

  /** Doubles the slots (up to the bound), unrolling the ring so the oldest item is first again. */
  private grow(): void {
    const larger = new Array<T | undefined>(Math.min(this.items.length * 2, this.capacity));
    for (let i = 0; i < this.length; i++) larger[i] = this.items[(this.head + i) % this.items.length];
    this.items = larger;
    this.head = 0;
  }
}
