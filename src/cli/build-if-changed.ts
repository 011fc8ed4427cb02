/**
 * `npm start`'s build step: builds the browser bundles only when a source file changed since the
 * last successful build, so restarting the classroom server after a hiccup takes seconds, not the
 * full build (webpack's filesystem cache, see webpack.config.js, then rebuilds only what changed).
 *
 * "Changed" is decided by modification times: the newest file among the build's inputs against a
 * stamp written after a successful build. Every output is also checked to exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inLines } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** Everything the bundles are made from. */
const INPUT_FOLDERS = ['src', 'blocks'];
const INPUT_FILES = ['webpack.config.js', 'package-lock.json', 'tsconfig.json'];
/** One output per webpack configuration: if any is missing, build. */
const OUTPUTS = ['mqtt-blocks.js', 'mqtt-blocks-builtin.js', 'board-editor.js', 'monitor.js', 'dashboard.js', 'simulator-worker.js', 'scratch-editor.js'];

async function newestIn(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestIn(full));
    else if (entry.isFile()) newest = Math.max(newest, (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

export async function buildIsUpToDate(): Promise<boolean> {
  if (!existsSync(STAMP) || OUTPUTS.some((file) => !existsSync(path.join(DIST, file)))) return false;
  const stamp = statSync(STAMP).mtimeMs;
  let newest = 0;
  for (const folder of INPUT_FOLDERS) newest = Math.max(newest, await newestIn(path.join(ROOT, folder)));
  for (const file of INPUT_FILES) if (existsSync(path.join(ROOT, file))) newest = Math.max(newest, statSync(path.join(ROOT, file)).mtimeMs);
  return newest < stamp;
}

async function main(): Promise<void> {
  if (await buildIsUpToDate()) {
    console.log(inLines(T.buildUpToDate));
    return;
  }
  console.log(inLines(T.buildStarting));
  const started = Date.now();
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [webpackCli, '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(inLines(T.buildFailed));
    process.exitCode = 1;
    return;
  }
  // Stamped with the time the build started: a file saved during the build counts as changed next time.
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, new Date(started), new Date(started));
}

if (require.main === module) {
  void main();
}
