/**
 * Drawing batched per animation frame: any number of messages between two frames cost one redraw
 * per changed topic, not one per message. Work queued while the tab is hidden waits for the next
 * visible frame (browsers pause requestAnimationFrame there), so a background tab draws nothing.
 */
export class FrameBatcher<K> {
  private readonly dirty = new Set<K>();
  private scheduled = false;

  constructor(
    /** Draws the changed keys; returns true when work is left over for the next frame. */
    private readonly draw: (keys: ReadonlySet<K>) => boolean,
    private readonly requestFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
  ) {}

  mark(key: K): void {
    this.dirty.add(key);
    this.schedule();
  }

  /** Asks for a frame even with nothing marked (left-over work, charts scrolled into view). */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.requestFrame(() => this.flush());
  }

  /** Draws now what is pending. */
  flush(): void {
    this.scheduled = false;
    const keys = new Set(this.dirty);
    this.dirty.clear();
    if (this.draw(keys)) this.schedule();
  }
}
