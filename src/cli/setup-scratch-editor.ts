/**
 * `npm run setup:scratch-editor`: puts the prebuilt Scratch 3 editor where the classroom server
 * serves it (`vendor/scratch-gui/dist`), without making it an npm dependency.
 *
 * Why not `npm install @scratch/scratch-gui-standalone`: it adds ~430 packages and ~900 MB to
 * node_modules (the GUI's own build tools), yet the server only serves the package's prebuilt
 * `dist/`. `npm pack` downloads just that package's tarball (150 MB, checked against the pinned
 * sha512 below, like a lockfile entry); we unpack its `dist/` minus source maps and the unused non-standalone build (~100 MB).
 * No install scripts run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SCRATCH_GUI_BUNDLE,
  SCRATCH_GUI_INTEGRITY,
  SCRATCH_GUI_PACKAGE,
  SCRATCH_GUI_VERSION,
  vendorScratchGuiDir,
} from '../server/scratch-gui-files';
import type { Message, MessageParams } from '../../blocks/types';
import { inLines } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';

const VERSION_FILE = 'VERSION';

/**
 * A failure with what to tell the teacher. Thrown, never `process.exit`: the temporary download
 * folder (about 150 MB) is removed by main's `finally` on every path, and only then do we exit.
 */
class SetupError extends Error {
  constructor(
    readonly text: Message,
    readonly params: MessageParams,
  ) {
    super(inLines(text, params));
  }
}

function fail(message: Message, params: MessageParams): never {
  throw new SetupError(message, params);
}

/** Runs npm the way the current `npm run` did (npm_execpath), else `npm` from PATH. */
function runNpm(args: string[], cwd: string): string {
  const npmCli = process.env.npm_execpath;
  const result =
    npmCli !== undefined && npmCli.endsWith('.js')
      ? spawnSync(process.execPath, [npmCli, ...args], { cwd, encoding: 'utf8' })
      : spawnSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    fail(T.setupFailedNpm, { command: args.join(' '), detail: result.stderr || result.error?.message || '' });
  }
  return result.stdout;
}

async function sha512Integrity(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

async function alreadyInstalled(target: string): Promise<boolean> {
  try {
    const version = (await fs.readFile(path.join(path.dirname(target), VERSION_FILE), 'utf8')).trim();
    return version === SCRATCH_GUI_VERSION && existsSync(path.join(target, SCRATCH_GUI_BUNDLE));
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const target = vendorScratchGuiDir();
  if (await alreadyInstalled(target)) {
    console.log(inLines(T.setupAlready, { version: SCRATCH_GUI_VERSION, folder: target }));
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'mqtt-blocks-scratch-gui-'));
  try {
    console.log(inLines(T.setupDownloading, { package: SCRATCH_GUI_PACKAGE, version: SCRATCH_GUI_VERSION }));
    const packed = JSON.parse(runNpm(['pack', `${SCRATCH_GUI_PACKAGE}@${SCRATCH_GUI_VERSION}`, '--json', '--pack-destination', work], work)) as Array<{ filename: string }>;
    const tarball = path.join(work, packed[0].filename);
    const integrity = await sha512Integrity(tarball);
    if (integrity !== SCRATCH_GUI_INTEGRITY) {
      fail(T.setupChecksum, { integrity });
    }
    // System tar (GNU tar on Linux, bsdtar on macOS and Windows 10+) reads npm tarballs directly.
    // Left out: source maps, type declarations and the non-standalone build, which pages never load.
    const skip = ['*.map', 'package/dist/types', 'package/dist/scratch-gui.js', 'package/dist/scratch-gui.js.LICENSE.txt'];
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', work, ...skip.map((pattern) => `--exclude=${pattern}`), 'package/dist'], {
      encoding: 'utf8',
    });
    if (untar.status !== 0) fail(T.setupTar, { detail: untar.stderr || untar.error?.message || '' });

    // Swap in the new copy only once it is complete, so a failed run never leaves half an editor.
    await fs.rm(path.dirname(target), { recursive: true, force: true });
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(path.join(work, 'package', 'dist'), target).catch(async () => {
      // rename cannot cross file systems (tmp on another disk): copy instead.
      await fs.cp(path.join(work, 'package', 'dist'), target, { recursive: true });
    });
    await fs.writeFile(path.join(path.dirname(target), VERSION_FILE), `${SCRATCH_GUI_VERSION}\n`);
    console.log(inLines(T.setupDone, { folder: target }));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error instanceof SetupError ? error.message : inLines(T.setupFailed, { detail: error.stack ?? error.message }));
  process.exitCode = 1;
});
