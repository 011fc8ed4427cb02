/**
 * Puts the prebuilt Scratch 3 editor (`@scratch/scratch-gui-standalone`'s `dist/`) into a folder
 * such as vendor/scratch-gui, for `npm run setup:scratch-editor` (setup-scratch-editor.ts).
 *
 * Why not `npm install @scratch/scratch-gui-standalone`: it adds ~430 packages and ~900 MB to
 * node_modules (the GUI's own build tools), yet the server only serves the package's prebuilt
 * `dist/`. `npm pack` downloads just that package's tarball (150 MB, checked against a pinned
 * sha512, like a lockfile entry); we unpack its `dist/` minus source maps and the unused
 * non-standalone build (~100 MB). No install scripts run.
 *
 * Nothing is lost on failure: the download is unpacked in a temporary folder, the new editor is
 * copied complete beside the old one and only then swapped in by renaming. Every failure (and
 * Ctrl-C) removes both temporary folders and leaves the editor that was there as it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, promises as fs, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Message, MessageParams } from '../../blocks/types';
import { inLines } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';

export interface EditorSetupOptions {
  /** The folder that holds the editor: `dist/` (the package's build) and `VERSION`. */
  editorRoot: string;
  packageName: string;
  version: string;
  /** The package tarball's sha512 (`sha512-…`, as in package-lock.json): anything else is refused. */
  integrity: string;
  /** The file in `dist/` whose presence means the editor is usable. */
  bundle: string;
  /** Where progress lines go. */
  log(line: string): void;
}

const VERSION_FILE = 'VERSION';
/** Left out of the package: source maps, type declarations and the non-standalone build, which pages never load. */
const SKIPPED = ['*.map', 'package/dist/types', 'package/dist/scratch-gui.js', 'package/dist/scratch-gui.js.LICENSE.txt'];

/** A failure with what to tell the teacher (every language, see terminal-text.ts). */
export class EditorSetupError extends Error {
  constructor(
    readonly text: Message,
    readonly params: MessageParams,
  ) {
    super(inLines(text, params));
  }
}

function fail(message: Message, params: MessageParams): never {
  throw new EditorSetupError(message, params);
}

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/** Temporary folders and the running child, so Ctrl-C can clean up (see `cleanUpNow`). */
class Leftovers {
  readonly folders = new Set<string>();
  child: ChildProcess | null = null;

  /** Synchronous: runs from a signal handler, just before the process exits. */
  cleanUpNow(): void {
    this.child?.kill();
    for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
    this.folders.clear();
  }
}

/** Runs a command without blocking the event loop (so Ctrl-C is handled at once), collecting its output. */
function run(leftovers: Leftovers, command: string, args: string[], cwd: string): Promise<Finished> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { cwd, shell: process.platform === 'win32' && command === 'npm', stdio: ['ignore', 'pipe', 'pipe'] });
    leftovers.child = child;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ status: null, stdout, stderr, error }));
    child.on('close', (status) => {
      leftovers.child = null;
      resolve({ status, stdout, stderr });
    });
  });
}

/** npm the way the current `npm run` runs it (npm_execpath), else `npm` from PATH. */
function npmCommand(args: string[]): [string, string[]] {
  const npmCli = process.env.npm_execpath;
  return npmCli !== undefined && npmCli.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
}

function problemOf(finished: Finished): string {
  return (finished.stderr.trim() || finished.error?.message || `exit code ${String(finished.status)}`).slice(0, 2000);
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

async function alreadyInstalled(options: EditorSetupOptions): Promise<boolean> {
  try {
    const version = (await fs.readFile(path.join(options.editorRoot, VERSION_FILE), 'utf8')).trim();
    return version === options.version && existsSync(path.join(options.editorRoot, 'dist', options.bundle));
  } catch {
    return false;
  }
}

/** Downloads the package into `work` with `npm pack` and returns the tarball's path. */
async function download(options: EditorSetupOptions, work: string, leftovers: Leftovers): Promise<string> {
  const args = ['pack', `${options.packageName}@${options.version}`, '--json', '--pack-destination', work];
  const [command, commandArgs] = npmCommand(args);
  const packed = await run(leftovers, command, commandArgs, work);
  if (packed.status !== 0) fail(T.setupFailedNpm, { command: args.slice(0, 2).join(' '), detail: problemOf(packed) });
  let filename: unknown;
  try {
    filename = (JSON.parse(packed.stdout) as Array<{ filename?: unknown }>)[0]?.filename;
  } catch {
    filename = undefined;
  }
  const tarball = typeof filename === 'string' ? path.join(work, path.basename(filename)) : null;
  if (tarball === null || !existsSync(tarball)) fail(T.setupNpmOutput, { detail: packed.stdout.trim().slice(0, 300) });
  return tarball;
}

/** Unpacks the package's `dist/` into `work/package/dist` and checks that it is the editor's build. */
async function unpack(options: EditorSetupOptions, tarball: string, work: string, leftovers: Leftovers): Promise<string> {
  // System tar (GNU tar on Linux, bsdtar on macOS and Windows 10+) reads npm tarballs directly.
  const untar = await run(leftovers, 'tar', ['-xzf', tarball, '-C', work, ...SKIPPED.map((pattern) => `--exclude=${pattern}`), 'package/dist'], work);
  if (untar.status !== 0) fail(T.setupTar, { detail: problemOf(untar) });
  const dist = path.join(work, 'package', 'dist');
  if (!existsSync(path.join(dist, options.bundle))) fail(T.setupNoBuild, { file: `dist/${options.bundle}` });
  return dist;
}

/**
 * Copies the new editor complete into a folder beside `editorRoot`, then swaps it in by renaming
 * (same folder, so the renames cannot cross disks); the old editor is removed only after that.
 */
async function install(options: EditorSetupOptions, dist: string, leftovers: Leftovers): Promise<void> {
  const parent = path.dirname(options.editorRoot);
  const name = path.basename(options.editorRoot);
  let incoming: string;
  try {
    await fs.mkdir(parent, { recursive: true });
    incoming = mkdtempSync(path.join(parent, `.${name}-incoming-`));
    leftovers.folders.add(incoming);
    await fs.cp(dist, path.join(incoming, 'dist'), { recursive: true });
    await fs.writeFile(path.join(incoming, VERSION_FILE), `${options.version}\n`);
  } catch (error) {
    fail(T.setupCopy, { folder: options.editorRoot, detail: (error as Error).message });
  }
  // Synchronous renames: no Ctrl-C handler can run between them and find the old editor moved away.
  const previous = path.join(parent, `.${name}-previous-${path.basename(incoming).split('-').pop() ?? ''}`);
  const hadOne = existsSync(options.editorRoot);
  try {
    if (hadOne) renameSync(options.editorRoot, previous);
    renameSync(incoming, options.editorRoot);
    leftovers.folders.delete(incoming);
  } catch (error) {
    if (hadOne && existsSync(previous) && !existsSync(options.editorRoot)) renameSync(previous, options.editorRoot);
    fail(T.setupCopy, { folder: options.editorRoot, detail: (error as Error).message });
  }
  if (hadOne) await fs.rm(previous, { recursive: true, force: true });
}

/**
 * Sets the editor up unless this version is already there. Throws EditorSetupError (or any
 * unexpected error) after removing its temporary folders; the editor that was there stays.
 */
export async function setUpScratchEditor(options: EditorSetupOptions): Promise<void> {
  if (await alreadyInstalled(options)) {
    options.log(inLines(T.setupAlready, { version: options.version, folder: path.join(options.editorRoot, 'dist') }));
    return;
  }
  const leftovers = new Leftovers();
  // Ctrl-C during the long download or unpack: clean up, then stop as the signal would have.
  const onSignal = (signal: NodeJS.Signals): void => {
    leftovers.cleanUpNow();
    options.log(inLines(T.setupInterrupted));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const work = mkdtempSync(path.join(os.tmpdir(), 'mqtt-blocks-scratch-gui-'));
  leftovers.folders.add(work);
  try {
    options.log(inLines(T.setupDownloading, { package: options.packageName, version: options.version }));
    const tarball = await download(options, work, leftovers);
    const integrity = await sha512Integrity(tarball);
    if (integrity !== options.integrity) fail(T.setupChecksum, { integrity });
    const dist = await unpack(options, tarball, work, leftovers);
    await install(options, dist, leftovers);
    options.log(inLines(T.setupDone, { folder: path.join(options.editorRoot, 'dist') }));
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await Promise.all([...leftovers.folders].map((folder) => fs.rm(folder, { recursive: true, force: true })));
  }
}

/**
 * The command: sets up, prints the outcome in every language and returns the exit code (0 or 1).
 * Says so when an editor was there before and is still in place.
 */
export async function runScratchEditorSetup(options: EditorSetupOptions): Promise<number> {
  const hadEditor = existsSync(path.join(options.editorRoot, 'dist', options.bundle));
  try {
    await setUpScratchEditor(options);
    return 0;
  } catch (error) {
    const problem = error instanceof EditorSetupError ? error.message : inLines(T.setupFailed, { detail: (error as Error).stack ?? String(error) });
    console.error(problem);
    if (hadEditor && existsSync(path.join(options.editorRoot, 'dist', options.bundle))) console.error(inLines(T.setupKeptPrevious));
    return 1;
  }
}
