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
def _mb_digest(p):
 try:
  f=open(p,'rb')
 except OSError:
  return (-1,'')
 h=hashlib.sha256();n=0
 while 1:
  b=f.read(512)
  if not b:break
  h.update(b);n+=len(b)
 f.close()
 return (n,binascii.hexlify(h.digest()).decode())
def _mb_sum(p):
 n,h=_mb_digest(p);print('MB',n,h)
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
def _mb_commit(files):
 bad=0
 for t,p,n,h in files:
  r=_mb_digest(t)
  if r!=(n,h):
   bad=1;print('MBX',p,r[0],r[1])
 for t,p,n,h in files:
  if bad:_mb_rm(t)
  else:os.rename(t,p)
 print('MB',bad)
`;

/** The `MB ...` lines the helpers printed, split into words (any other output is ignored). */
function answerLines(stdout: string): string[][] {
  const lines = stdout.split(/\r?\n/).filter((text) => text.startsWith('MB'));
  if (lines.length === 0) throw new UploadError('boardError', `unexpected answer ${JSON.stringify(stdout.slice(0, 200))}`);
  return lines.map((line) => line.split(' '));
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
  const charsPerExec = options.charsPerExec ?? 4096;
  const progress = (stage: UploadStage, sentBytes: number, totalBytes: number, file?: string): void =>
    options.onProgress?.({ stage, sentBytes, totalBytes, file });

  progress('connecting', 0, 0);
  await runStep(() => repl.enter());

  // One exec: the helpers, the free space, and the board's copies of the files that may be skipped.
  progress('checking', 0, 0);
  const checked = planned.filter((file) => file.onlyIfChanged);
  const answer = await runStep(() => repl.run(`${HELPERS}_mb_free()\n${checked.map((file) => `_mb_sum(${pythonString(file.path)})`).join('\n')}`));
  const [freeLine, ...sums] = answerLines(answer);
  const skipped = checked.filter((file, i) => Number(sums[i]?.[1]) === file.bytes.length && sums[i]?.[2] === file.hash).map((file) => file.path);
  const toWrite = planned.filter((file) => !skipped.includes(file.path));
  const totalBytes = toWrite.reduce((sum, file) => sum + file.bytes.length, 0);
  const free = Number(freeLine[1]);
  if (free >= 0 && totalBytes + SPARE_BYTES > free) {
    throw new UploadError('storageFull', `${totalBytes} bytes needed, ${free} free`, { needed: totalBytes, free });
  }

  let sentBytes = 0;
  const encoder = new TextEncoder();
  const temp = (file: Planned): string => pythonString(file.path + TEMP_SUFFIX);
  try {
    for (const file of toWrite) {
      progress('writing', sentBytes, totalBytes, file.path);
      const parts = pieces(file.text, charsPerExec);
      if (parts.length === 0) parts.push('');
      for (const [index, piece] of parts.entries()) {
        // Several lines rather than one huge literal: easier on a small board's parser.
        const lines = pieces(piece, 1024).map((part) => `_mb_w(${pythonString(part)})`);
        if (index === 0) lines.unshift(`_mb_dirs(${temp(file)})`, `_mb_f=open(${temp(file)},'w')`, '_mb_w=_mb_f.write');
        if (index === parts.length - 1) lines.push('_mb_f.close()');
        await runStep(() => repl.run(lines.join('\n')));
        sentBytes += encoder.encode(piece).length;
        progress('writing', sentBytes, totalBytes, file.path);
      }
    }
  } catch (error) {
    // Best effort: remove the half-written copies (the old files were never touched). A board
    // that is gone keeps them until the next upload overwrites them.
    if (error instanceof UploadError && error.failure !== 'disconnected' && error.failure !== 'stoppedAnswering') {
      await repl.run(toWrite.map((file) => `_mb_rm(${temp(file)})`).join('\n')).catch(() => undefined);
    }
    throw error;
  }

  // The board reads every new copy back (length and SHA-256) and, only if all match, renames
  // them over the old files in the same exec; otherwise it deletes the copies.
  progress('verifying', sentBytes, totalBytes);
  if (toWrite.length > 0) {
    const list = toWrite.map((file) => `(${temp(file)},${pythonString(file.path)},${file.bytes.length},'${file.hash}')`).join(',');
    const lines = answerLines(await runStep(() => repl.run(`_mb_commit([${list}])`)));
    const mismatches = lines.filter((line) => line[0] === 'MBX');
    if (mismatches.length > 0 || lines.at(-1)?.[1] !== '0') {
      throw new UploadError('verifyFailed', mismatches.map((line) => `${line[1]}: the board has ${line[2]} bytes (${line[3]})`).join('; '));
    }
  }
  if (options.reset !== false) {
    progress('starting', sentBytes, totalBytes);
    await runStep(() => repl.softReset());
  }
  progress('done', sentBytes, totalBytes);
  return { written: toWrite.map((file) => file.path), skipped, rawPaste: repl.usesRawPaste === true };
}
