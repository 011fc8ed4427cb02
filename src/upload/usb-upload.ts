/**
 * Puts files on a MicroPython board through its raw REPL, so that nothing a pupil can do (pull the
 * cable, pick the wrong device, fill the flash) leaves the board without a working program:
 *
 * 1. stop the program and enter the raw REPL; define a few helpers on the board;
 * 2. skip the files the board already has (same length and SHA-256, e.g. an unchanged library);
 * 3. check the free space, then write each file under `NAME.new`;
 * 4. read every `.new` file back on the board (length and SHA-256) and compare;
 * 5. only when all match, rename them over the old files in one step; then soft-reset.
 *
 * Until step 5 the old main.py is untouched. Text goes as Python string literals with the
 * Chinese kept as UTF-8 (one byte on the wire per byte of file), not as hex or base64.
 */
import { pythonString } from '../generators/python-literal';
import { BoardTraceback, RawRepl, ReplError, type ByteLink, type ReplFailure, type ReplTiming } from './raw-repl';
import { sha256Hex } from './sha256';

export interface BoardFile {
  /** Path on the board, relative to its working folder: `main.py`, `lib/mqtt_blocks.py`. */
  path: string;
  bytes: Uint8Array;
  /** Leave the board's copy alone when it already has exactly these bytes (a runtime library). */
  onlyIfChanged?: boolean;
}

export type UploadStage = 'connecting' | 'checking' | 'writing' | 'verifying' | 'starting' | 'done';

export interface UploadProgress {
  stage: UploadStage;
  /** Bytes of file content sent so far, of `totalBytes` to send. */
  sentBytes: number;
  totalBytes: number;
  file?: string;
}

export type UploadFailure = ReplFailure | 'verifyFailed' | 'storageFull' | 'boardError' | 'notText';

export class UploadError extends Error {
  constructor(
    readonly failure: UploadFailure,
    readonly detail: string,
    /** For storageFull: bytes needed and bytes free on the board. */
    readonly sizes?: { needed: number; free: number },
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'UploadError';
  }
}

export interface UploadReport {
  written: string[];
  skipped: string[];
  /** Whether the board took the code in raw-paste mode (with flow control). */
  rawPaste: boolean;
}

export interface UploadOptions {
  timing?: Partial<ReplTiming>;
  onProgress?: (progress: UploadProgress) => void;
  /** Characters of file text per exec on the board (bounded: the board compiles each exec in RAM). */
  charsPerExec?: number;
  /** Soft-reset when done so the new main.py runs (default true). */
  reset?: boolean;
}

/** Suffix of the file being written; renamed over the real name only once verified. */
export const TEMP_SUFFIX = '.new';
/** Room left free beyond the new files (the file system needs some for its own bookkeeping). */
const SPARE_BYTES = 1024;

const HELPERS = `import os,hashlib,binascii
def _mb_sum(p):
 try:
  f=open(p,'rb')
 except OSError:
  print('MB-');return
 h=hashlib.sha256();n=0
 while 1:
  b=f.read(512)
  if not b:break
  h.update(b);n+=len(b)
 f.close()
 print('MB',n,binascii.hexlify(h.digest()).decode())
def _mb_free():
 try:
  s=os.statvfs('/');print('MB',s[0]*s[3])
 except Exception:
  print('MB',-1)
def _mb_rm(p):
 try:os.remove(p)
 except OSError:pass
def _mb_dirs(p):
 d=''
 for part in p.split('/')[:-1]:
  d=d+part
  try:os.mkdir(d)
  except OSError:pass
  d=d+'/'
`;

/** The `MB ...` line a helper printed (other output, such as a boot message, is ignored). */
function answerLine(stdout: string): string[] {
  const line = stdout.split(/\r?\n/).find((text) => text.startsWith('MB'));
  if (line === undefined) throw new UploadError('boardError', `unexpected answer ${JSON.stringify(stdout.slice(0, 200))}`);
  return line.split(' ');
}

interface Planned extends BoardFile {
  text: string;
  hash: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function plan(file: BoardFile): Planned {
  let text: string;
  try {
    text = strictUtf8.decode(file.bytes);
  } catch {
    throw new UploadError('notText', `${file.path} is not UTF-8 text`);
  }
  if (!/^[\w.\-/]+$/.test(file.path) || file.path.includes('..')) throw new UploadError('boardError', `unsafe file name ${file.path}`);
  return { ...file, text, hash: sha256Hex(file.bytes) };
}

/** Splits text into pieces of at most `size` characters, never inside a surrogate pair. */
function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    result.push(text.slice(at, end));
    at = end;
  }
  return result;
}

async function runStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof UploadError) throw error;
    if (error instanceof ReplError) throw new UploadError(error.failure, error.message);
    if (error instanceof BoardTraceback) {
      if (error.isStorageFull) throw new UploadError('storageFull', error.traceback);
      throw new UploadError('boardError', error.traceback);
    }
    throw new UploadError('disconnected', error instanceof Error ? error.message : String(error));
  }
}

export async function uploadToBoard(link: ByteLink, files: BoardFile[], options: UploadOptions = {}): Promise<UploadReport> {
  const planned = files.map(plan);
  const repl = new RawRepl(link, options.timing);
  const charsPerExec = options.charsPerExec ?? 2048;
  const progress = (stage: UploadStage, sentBytes: number, totalBytes: number, file?: string): void =>
    options.onProgress?.({ stage, sentBytes, totalBytes, file });

  progress('connecting', 0, 0);
  await runStep(() => repl.enter());
  await runStep(() => repl.run(HELPERS));

  progress('checking', 0, 0);
  const toWrite: Planned[] = [];
  const skipped: string[] = [];
  for (const file of planned) {
    if (file.onlyIfChanged) {
      const [, length, hash] = answerLine(await runStep(() => repl.run(`_mb_sum(${pythonString(file.path)})`)));
      if (Number(length) === file.bytes.length && hash === file.hash) {
        skipped.push(file.path);
        continue;
      }
    }
    toWrite.push(file);
  }
  const totalBytes = toWrite.reduce((sum, file) => sum + file.bytes.length, 0);
  const [, freeText] = answerLine(await runStep(() => repl.run('_mb_free()')));
  const free = Number(freeText);
  if (free >= 0 && totalBytes + SPARE_BYTES > free) {
    throw new UploadError('storageFull', `${totalBytes} bytes needed, ${free} free`, { needed: totalBytes, free });
  }

  let sentBytes = 0;
  const encoder = new TextEncoder();
  try {
    for (const file of toWrite) {
      const temp = pythonString(file.path + TEMP_SUFFIX);
      progress('writing', sentBytes, totalBytes, file.path);
      await runStep(() => repl.run(`_mb_dirs(${temp})\n_mb_f=open(${temp},'w')\n_mb_w=_mb_f.write`));
      for (const piece of pieces(file.text, charsPerExec)) {
        // Several short lines rather than one long one: easier on a small board's parser.
        const lines = pieces(piece, 256).map((part) => `_mb_w(${pythonString(part)})`);
        await runStep(() => repl.run(lines.join('\n')));
        sentBytes += encoder.encode(piece).length;
        progress('writing', sentBytes, totalBytes, file.path);
      }
      await runStep(() => repl.run('_mb_f.close()'));
    }
    progress('verifying', sentBytes, totalBytes);
    for (const file of toWrite) {
      const [, length, hash] = answerLine(await runStep(() => repl.run(`_mb_sum(${pythonString(file.path + TEMP_SUFFIX)})`)));
      if (Number(length) !== file.bytes.length || hash !== file.hash) {
        throw new UploadError('verifyFailed', `${file.path}: board has ${length} bytes (${hash}), sent ${file.bytes.length} (${file.hash})`);
      }
    }
  } catch (error) {
    // Best effort: remove the half-written copies (the old files were never touched). A board
    // that is gone keeps them until the next upload overwrites them.
    if (error instanceof UploadError && error.failure !== 'disconnected' && error.failure !== 'stoppedAnswering') {
      await repl.run(toWrite.map((file) => `_mb_rm(${pythonString(file.path + TEMP_SUFFIX)})`).join('\n')).catch(() => undefined);
    }
    throw error;
  }
  // All verified: the renames are one exec, so a board never keeps half of a new program.
  await runStep(() =>
    repl.run(toWrite.map((file) => `os.rename(${pythonString(file.path + TEMP_SUFFIX)},${pythonString(file.path)})`).join('\n') + "\nprint('MB')"),
  );
  if (options.reset !== false) {
    progress('starting', sentBytes, totalBytes);
    await runStep(() => repl.softReset());
  }
  progress('done', sentBytes, totalBytes);
  return { written: toWrite.map((file) => file.path), skipped, rawPaste: repl.usesRawPaste === true };
}
