/**
 * Keeps the pupil's blocks in localStorage, so closing the tab or a crashed laptop loses nothing.
 * Writes are debounced (a drag fires many events) and flushed when the page is hidden.
 */
import { readStorage, writeStorage } from '../common/locale-choice';
import type { WorkspaceState } from './workspace-file';

const KEY = 'mqtt-blocks.board.workspace';
/** Where an autosave that could not be loaded is kept, instead of being overwritten. */
const UNREADABLE_KEY = 'mqtt-blocks.board.workspace.unreadable';

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failed = false;

  constructor(
    private readonly snapshot: () => WorkspaceState,
    /** Called once, the first time the browser refuses to store. */
    private readonly onFailure: () => void,
    private readonly delayMs = 400,
  ) {
    window.addEventListener('pagehide', () => this.flush());
  }

  /** The text saved on the last visit, if any. */
  static saved(): string | null {
    return readStorage(KEY);
  }

  /** Sets aside a saved program the editor could not load, so the next autosave does not destroy it. */
  static keepUnreadable(text: string): void {
    writeStorage(UNREADABLE_KEY, text);
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ok = writeStorage(KEY, JSON.stringify(this.snapshot()));
    if (!ok && !this.failed) {
      this.failed = true;
      this.onFailure();
    }
  }
}
