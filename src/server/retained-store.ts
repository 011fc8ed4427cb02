import { promises as fs, readFileSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';

/** One retained message as kept on disk. The payload is base64 so binary survives JSON. */
export interface RetainedRecord {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
}

interface FileShape {
  version: 1;
  messages: { topic: string; payload: string; qos: 0 | 1 | 2 }[];
}

/** Batch bursts of retained publishes (a board publishing every 100 ms) into one write. */
const DEFAULT_DEBOUNCE_MS = 500;

/**
 * Keeps the broker's retained messages in a JSON file so the last values survive a
 * restart of the classroom server (the memory persistence of aedes forgets them).
 *
 * It mirrors what the broker does: a retained publish replaces the topic's value and a
 * retained publish with an empty payload clears it. Writes are debounced and atomic
 * (temporary file + rename), so a crash mid-write never leaves half a file behind.
 */
export class RetainedFileStore {
  private readonly messages = new Map<string, RetainedRecord>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly log: (line: string) => void = () => {},
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {}

  /**
   * Reads the file once at start-up. A missing file is a first run. A broken file is moved
   * aside (never silently overwritten) so a teacher can still recover it by hand.
   */
  load(): RetainedRecord[] {
    if (!existsSync(this.file)) return [];
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<FileShape>;
      for (const entry of parsed.messages ?? []) {
        if (typeof entry.topic !== 'string' || typeof entry.payload !== 'string') continue;
        const qos = entry.qos === 1 || entry.qos === 2 ? entry.qos : 0;
        const payload = Buffer.from(entry.payload, 'base64');
        if (payload.length > 0) this.messages.set(entry.topic, { topic: entry.topic, payload, qos });
      }
    } catch (error) {
      const aside = `${this.file}.broken-${Date.now()}`;
      try {
        renameSync(this.file, aside);
      } catch {
        // Cannot move it: keep going with an empty store rather than refusing to start.
      }
      this.log(
        `Could not read retained messages from ${this.file} (${(error as Error).message}); moved it to ${aside}.\n` +
          `无法读取保留消息文件 ${this.file}，已将其改名为 ${aside}。`,
      );
    }
    return [...this.messages.values()];
  }

  /** Records a retained publish seen by the broker. */
  record(topic: string, payload: Buffer, qos: 0 | 1 | 2): void {
    if (payload.length === 0) {
      if (!this.messages.delete(topic)) return;
    } else {
      // Copy: the broker may reuse the buffer after the publish completes.
      this.messages.set(topic, { topic, payload: Buffer.from(payload), qos });
    }
    this.dirty = true;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.writeNow();
      }, this.debounceMs);
      // A pending write must not keep a finished process alive; stop() flushes it.
      this.timer.unref();
    }
  }

  /** Writes any pending change now and waits for it; used on shutdown. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
  }

  private serialise(): string {
    const shape: FileShape = {
      version: 1,
      messages: [...this.messages.values()].map((m) => ({
        topic: m.topic,
        payload: m.payload.toString('base64'),
        qos: m.qos,
      })),
    };
    return JSON.stringify(shape, null, 1);
  }

  /** Chains writes so two never interleave on the same temporary file. */
  private writeNow(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const temporary = `${this.file}.tmp`;
      try {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        await fs.writeFile(temporary, this.serialise());
        await fs.rename(temporary, this.file);
      } catch (error) {
        this.dirty = true; // try again with the next change or at shutdown
        this.log(
          `Could not save retained messages to ${this.file}: ${(error as Error).message}\n` +
            `无法保存保留消息到 ${this.file}：${(error as Error).message}`,
        );
      }
    });
    return this.writing;
  }
}
