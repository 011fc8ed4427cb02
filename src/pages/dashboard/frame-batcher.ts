/**
 * Drawing batched per animation frame: any number of messages between two frames cost one redraw
 * per changed topic, not one per message. Work queued while the tab is hidden waits for the next
 * visible frame (browsers pause requestAnimationFrame there), so a background tab draws nothing.
 */
export class FrameBatcher<K> {
  private readonly dirty = new Set<K>();
  private scheduled = false;

  constructor(
    private readonly draw: (keys: ReadonlySet<K>) => void,
    private readonly requestFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
  ) {}

  mark(key: K): void {
    this.dirty.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    this.requestFrame(() => this.flush());
  }

  /** Draws now what is pending (also used by tests and before an export). */
  flush(): void {
    this.scheduled = false;
    if (this.dirty.size === 0) return;
    const keys = new Set(this.dirty);
    this.dirty.clear();
    this.draw(keys);
  }
}
