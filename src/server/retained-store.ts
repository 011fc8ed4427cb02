import { randomBytes } from 'node:crypto';
import type { Message, MessageParams } from '../../blocks/types';
import { inLines } from '../i18n/terminal-text';
import { SERVER_TEXT as T } from './server-text';
import { closeSync, lstatSync, openSync, promises as fs, readFileSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';

/** One retained message as kept on disk. The payload is base64 so binary survives JSON. */
export interface RetainedRecord {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
}

/** Written first in every file we create, so we can tell our files from anybody else's. */
export const RETAINED_FILE_MARKER = 'mqtt-blocks retained messages';
const FORMAT_VERSION = 2;

interface FileShape {
  format: typeof RETAINED_FILE_MARKER;
  version: number;
  messages: { topic: string; payload: string; qos: 0 | 1 | 2 }[];
}

/** Batch bursts of retained publishes (a board publishing every 100 ms) into one write. */
const DEFAULT_DEBOUNCE_MS = 500;
/** A file larger than this was not written by us for a classroom: refuse rather than read it all. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface RetainedLimits {
  maxTopicBytes: number;
  maxPacketBytes: number;
}

/** The retained-messages file cannot be used; the message says why and what to do, in English and Chinese. */
export class RetainedFileError extends Error {
  constructor(message: Message, params: MessageParams) {
    super(inLines(message, params));
    this.name = 'RetainedFileError';
  }
}

/** Why a restored topic is not a topic one may publish to (null when it is fine). */
function topicProblem(topic: unknown, limits: RetainedLimits): string | null {
  if (typeof topic !== 'string' || topic === '') return 'empty or not text';
  if (topic.includes('+') || topic.includes('#')) return 'has a wildcard';
  if (topic.startsWith('$')) return 'starts with $';
  if (topic.includes('\u0000')) return 'has a NUL character';
  if (Buffer.from(topic, 'utf8').toString('utf8') !== topic) return 'is not valid text';
  if (Buffer.byteLength(topic, 'utf8') > limits.maxTopicBytes) return 'too long';
  if (topic.split('/').length > 100) return 'too many levels';
  return null;
}

/**
 * Keeps the broker's retained messages in a JSON file so the last values survive a
 * restart of the classroom server (the memory persistence of aedes forgets them).
 *
 * It mirrors what the broker does: a retained publish replaces the topic's value and a
 * retained publish with an empty payload clears it. Writes are debounced and atomic
 * (a fresh temporary file beside it, then rename), so a crash mid-write never leaves half a file.
 *
 * It only ever writes a file it created itself (a marker and version inside): a folder, a link,
 * a device, a file it cannot read or another program's file (a workspace, a package.json) is
 * refused at start with an explanation, and left exactly as it was.
 */
export class RetainedFileStore {
  private readonly messages = new Map<string, RetainedRecord>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly log: (line: string) => void = () => {},
    private readonly limits: RetainedLimits = { maxTopicBytes: 65535, maxPacketBytes: 256 * 1024 * 1024 },
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {}

  /**
   * Checks the file and reads it once at start-up. A missing file is a first run. Anything that
   * is not our own file throws a RetainedFileError (nothing is renamed, moved or overwritten).
   * Entries whose topic, payload or QoS are not valid are skipped and counted in the log.
   */
  load(): RetainedRecord[] {
    const stats = this.inspect();
    if (stats === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      throw this.notOurs();
    }
    const messages = this.messagesOf(parsed);
    let skipped = 0;
    for (const entry of messages) {
      const record = entry as Partial<FileShape['messages'][number]> | null;
      if (record === null || typeof record !== 'object' || topicProblem(record.topic, this.limits) !== null) {
        skipped += 1;
        continue;
      }
      if (typeof record.payload !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(record.payload)) {
        skipped += 1;
        continue;
      }
      const payload = Buffer.from(record.payload, 'base64');
      const qos = record.qos === 0 || record.qos === 1 || record.qos === 2 ? record.qos : null;
      if (qos === null || payload.length === 0 || payload.length > this.limits.maxPacketBytes) {
        skipped += 1;
        continue;
      }
      this.messages.set(record.topic as string, { topic: record.topic as string, payload, qos });
    }
    if (skipped > 0) {
      this.log(
        inLines(T.retainedSkipped, { count: skipped, file: this.file }),
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
      // A pending write must not keep a finished process alive; the server's close() calls flush().
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

  /** null when nothing is at the path yet; throws for anything that is not a plain file. */
  private inspect(): Stats | null {
    if (this.file.endsWith('/') || this.file.endsWith(path.sep)) throw this.isFolder();
    let stats: Stats;
    try {
      stats = lstatSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new RetainedFileError(
        T.retainedCannotUse,
        { file: this.file, detail: (error as Error).message },
      );
    }
    if (stats.isDirectory()) throw this.isFolder();
    if (stats.isSymbolicLink()) {
      throw new RetainedFileError(
        T.retainedLink,
        { file: this.file },
      );
    }
    if (!stats.isFile()) {
      throw new RetainedFileError(
        T.retainedNotFile,
        { file: this.file },
      );
    }
    if (stats.size > MAX_FILE_BYTES) throw this.notOurs();
    return stats;
  }

  /** The messages array of one of our files (current format, or version 1 of before the marker); throws otherwise. */
  private messagesOf(parsed: unknown): unknown[] {
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw this.notOurs();
    const shape = parsed as Record<string, unknown>;
    const keys = Object.keys(shape).sort().join(',');
    const ours = shape.format === RETAINED_FILE_MARKER && typeof shape.version === 'number' && Array.isArray(shape.messages);
    // Files of the first release had no marker: exactly {version: 1, messages: [...]}.
    const firstRelease = keys === 'messages,version' && shape.version === 1 && Array.isArray(shape.messages);
    if (!ours && !firstRelease) throw this.notOurs();
    if (ours && (shape.version as number) > FORMAT_VERSION) {
      throw new RetainedFileError(
        T.retainedNewer,
        { file: this.file, version: String(shape.version) },
      );
    }
    return shape.messages as unknown[];
  }

  private isFolder(): RetainedFileError {
    return new RetainedFileError(
      T.retainedFolder,
      { file: this.file, example: path.join(this.file, 'retained.json') },
    );
  }

  private notOurs(): RetainedFileError {
    return new RetainedFileError(
      T.retainedNotOurs,
      { file: this.file },
    );
  }

  private serialise(): string {
    const shape: FileShape = {
      format: RETAINED_FILE_MARKER,
      version: FORMAT_VERSION,
      messages: [...this.messages.values()].map((m) => ({ topic: m.topic, payload: m.payload.toString('base64'), qos: m.qos })),
    };
    return JSON.stringify(shape, null, 1);
  }

  /** Whether the file at our path is still ours (or gone): checked before each replace, in case something else took the name. */
  private stillOurs(): boolean {
    try {
      const stats = lstatSync(this.file);
      if (!stats.isFile()) return false;
      const fd = openSync(this.file, 'r');
      try {
        const head = Buffer.alloc(200);
        const read = readSync(fd, head, 0, head.length, 0);
        const text = head.subarray(0, read).toString('utf8');
        return text.includes(RETAINED_FILE_MARKER) || /^\{\s*"version":\s*1,/.test(text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  }

  /** Chains writes so two never interleave. */
  private writeNow(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const directory = path.dirname(this.file);
      // A fresh name created exclusively: never someone else's file, never another write's.
      const temporary = path.join(directory, `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        if (!this.stillOurs()) {
          this.log(
            inLines(T.retainedReplaced, { file: this.file }),
          );
          return;
        }
        await fs.mkdir(directory, { recursive: true });
        await fs.writeFile(temporary, this.serialise(), { flag: 'wx' });
        await fs.rename(temporary, this.file);
      } catch (error) {
        await fs.rm(temporary, { force: true }).catch(() => {});
        this.dirty = true; // try again with the next change or at shutdown
        this.log(
          inLines(T.retainedSaveFailed, { file: this.file, detail: (error as Error).message }),
        );
      }
    });
    return this.writing;
  }
}
