/**
 * `npm run setup:scratch-editor` when things go wrong, as a real process with a real `tar` and a
 * fake `npm` first on PATH that hands over a tarball made here (or fails as told): the download
 * fails, npm says something unexpected, the checksum differs, unpacking fails, the package lacks
 * the editor's build, copying fails, the teacher presses Ctrl-C. Each time: a clear error in
 * English and Chinese, a non-zero exit, no temporary folder left behind, and the editor that was
 * there before untouched. The test's own folders stand in for vendor/ and the temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_TEXT as T } from '../../src/cli/cli-text';
import { translate } from '../../src/i18n/translate';

jest.setTimeout(60_000);

const ENTRY = path.resolve(__dirname, '..', 'support', 'setup-editor-process.ts');
const BUNDLE = 'scratch-gui-standalone.js';
const OLD_EDITOR = { VERSION: '1.0.0\n', [`dist/${BUNDLE}`]: 'window.GUI = "the editor the class used yesterday";\n', 'dist/static/cat.svg': '<svg/>' };

/** Pretends to be `npm pack SPEC --json --pack-destination DIR`, as FAKE_NPM says. */
const FAKE_NPM = `#!/bin/sh
destination=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--pack-destination" ]; then destination="$2"; shift; fi
  shift
done
case "$FAKE_NPM" in
  fail) echo "npm error code E404" >&2; echo "npm error 404 Not Found - fake-scratch-gui@2.0.0" >&2; exit 1 ;;
  garbage) echo "npm notice this is not the JSON you asked for"; exit 0 ;;
  hang) exec sleep 30 ;;
esac
cp "$FAKE_TARBALL" "$destination/fake-scratch-gui-2.0.0.tgz"
echo '[{"filename": "fake-scratch-gui-2.0.0.tgz"}]'
`;

let root: string;
let bin: string;
let temporary: string;
let editorRoot: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mqtt-blocks-setup-test-'));
  bin = path.join(root, 'bin');
  temporary = path.join(root, 'tmp');
  editorRoot = path.join(root, 'vendor', 'scratch-gui');
  mkdirSync(bin);
  mkdirSync(temporary);
  writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
  chmodSync(path.join(bin, 'npm'), 0o755);
  writeTree(editorRoot, OLD_EDITOR);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeTree(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
}

/** Every file under `folder` with its content: what "untouched" is compared by. */
function readTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(folder, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return files;
}

/** A .tgz like npm's (a `package/` folder) holding `files`; `fifo` adds a named pipe at that path. */
function makeTarball(name: string, files: Record<string, string>, fifo?: string): string {
  const source = path.join(root, `${name}-source`);
  writeTree(path.join(source, 'package'), files);
  if (fifo !== undefined) {
    mkdirSync(path.dirname(path.join(source, 'package', fifo)), { recursive: true });
    const made = spawnSync('mkfifo', [path.join(source, 'package', fifo)]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  }
  const tarball = path.join(root, `${name}.tgz`);
  const packed = spawnSync('tar', ['-czf', tarball, '-C', source, 'package']);
  if (packed.status !== 0) throw new Error(`tar failed: ${packed.stderr.toString()}`);
  return tarball;
}

function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the setup with the fake npm first on PATH and its temporary folder under the test's own. */
function runSetup(options: { tarball?: string; integrity?: string; npm?: string; onStdout?: (text: string, pid: number) => void }): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    TMPDIR: temporary,
    FAKE_NPM: options.npm ?? 'pack',
    FAKE_TARBALL: options.tarball ?? '',
  };
  // Under `npm test` this points at the real npm, which the setup would use instead of PATH's.
  delete env.npm_execpath;
  const settings = JSON.stringify({ editorRoot, integrity: options.integrity ?? (options.tarball ? integrityOf(options.tarball) : 'sha512-none') });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, settings], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      options.onStdout?.(stdout, child.pid ?? 0);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What is in the temporary folder, except tsx's compile cache (tsx-<uid>), which is not the setup's. */
function leftInTemporary(): string[] {
  return readdirSync(temporary).filter((name) => !/^tsx-\d+$/.test(name));
}

/** No temporary folder left: neither the download folder nor a half-copied editor beside the old one. */
function expectNothingLeftBehind(): void {
  expect(leftInTemporary()).toEqual([]);
  expect(readdirSync(path.dirname(editorRoot))).toEqual(['scratch-gui']);
}

/** A failure leaves the old editor as it was and says so, in English and Chinese. */
function expectOldEditorKept(outcome: Outcome): void {
  expect(readTree(editorRoot)).toEqual(OLD_EDITOR);
  expect(outcome.stderr).toContain(translate(T.setupKeptPrevious, 'en'));
  expect(outcome.stderr).toContain(translate(T.setupKeptPrevious, 'zh-cn'));
}

const NEW_BUILD = { [`dist/${BUNDLE}`]: 'window.GUI = "new";\n', 'dist/static/cat.svg': '<svg id="new"/>', [`dist/${BUNDLE}.map`]: '{}' };

test('a good package replaces the old editor completely (source maps left out) and leaves nothing behind', async () => {
  const outcome = await runSetup({ tarball: makeTarball('good', NEW_BUILD) });
  expect(outcome).toMatchObject({ code: 0, stderr: '' });
  expect(outcome.stdout).toContain(translate(T.setupDone, 'zh-cn', { folder: path.join(editorRoot, 'dist') }));
  expect(readTree(editorRoot)).toEqual({ VERSION: '2.0.0\n', [`dist/${BUNDLE}`]: 'window.GUI = "new";\n', 'dist/static/cat.svg': '<svg id="new"/>' });
  expectNothingLeftBehind();
});

test('the download fails: npm\'s own words, what to check, exit 1, nothing left, old editor kept', async () => {
  const outcome = await runSetup({ npm: 'fail' });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain('npm pack fake-scratch-gui@2.0.0 failed: npm error code E404');
  expect(outcome.stderr).toContain('404 Not Found - fake-scratch-gui@2.0.0');
  expect(outcome.stderr).toContain('请检查网络或 npm 设置');
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('npm succeeds but does not name the file: a clear error instead of a JSON stack trace', async () => {
  const outcome = await runSetup({ npm: 'garbage' });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain('npm pack finished but did not name the file it downloaded (it said: npm notice this is not the JSON you asked for)');
  expect(outcome.stderr).toContain('npm pack 已结束，但没有说明下载了哪个文件');
  expect(outcome.stderr).not.toMatch(/SyntaxError|at JSON\.parse/);
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('the download is not the pinned file (checksum): refused, nothing installed', async () => {
  const tarball = makeTarball('tampered', NEW_BUILD);
  const outcome = await runSetup({ tarball, integrity: `sha512-${'A'.repeat(86)}==` });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain(translate(T.setupChecksum, 'en', { integrity: integrityOf(tarball) }));
  expect(outcome.stderr).toContain(translate(T.setupChecksum, 'zh-cn', { integrity: integrityOf(tarball) }));
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('unpacking fails (the download is not a gzip tarball): tar\'s words and the hint, nothing left', async () => {
  const broken = path.join(root, 'broken.tgz');
  writeFileSync(broken, 'this is not a tarball, 这不是压缩包');
  const outcome = await runSetup({ tarball: broken });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toMatch(/^tar failed: gzip: stdin: not in gzip format[\s\S]*Unpacking needs the system's tar command\./m);
  expect(outcome.stderr).toContain('解压失败');
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('the package lacks the editor\'s build: refused before anything is copied', async () => {
  const outcome = await runSetup({ tarball: makeTarball('no-build', { 'dist/scratch-gui.js': 'not the standalone build' }) });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain(translate(T.setupNoBuild, 'en', { file: `dist/${BUNDLE}` }));
  expect(outcome.stderr).toContain(translate(T.setupNoBuild, 'zh-cn', { file: `dist/${BUNDLE}` }));
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('copying into place fails half way (a file that cannot be copied): the half copy is removed, the old editor kept', async () => {
  // A named pipe: tar unpacks it, Node's copy refuses it after the files before it were copied.
  const outcome = await runSetup({ tarball: makeTarball('uncopyable', NEW_BUILD, 'dist/static/zz-pipe') });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain(`Could not put the editor into ${editorRoot}: `);
  expect(outcome.stderr).toContain('Check that the disk has about 100 MB free');
  expect(outcome.stderr).toContain(`无法把编辑器放到 ${editorRoot}`);
  expectOldEditorKept(outcome);
  expectNothingLeftBehind();
});

test('Ctrl-C during the download: stops at once, removes the temporary folder, exit 130, old editor kept', async () => {
  let interrupted = false;
  const started = Date.now();
  const outcome = await runSetup({
    npm: 'hang',
    onStdout: (text, pid) => {
      if (!interrupted && text.includes(translate(T.setupDownloading, 'en', { package: 'fake-scratch-gui', version: '2.0.0' }))) {
        interrupted = true;
        // Give it a moment to start npm, as a teacher would take before pressing Ctrl-C.
        setTimeout(() => process.kill(pid, 'SIGINT'), 500);
      }
    },
  });
  expect(interrupted).toBe(true);
  expect(outcome.code).toBe(130);
  // The fake npm sleeps 30 s: the setup did not wait for it.
  expect(Date.now() - started).toBeLessThan(25_000);
  expect(outcome.stdout).toContain(translate(T.setupInterrupted, 'en'));
  expect(outcome.stdout).toContain(translate(T.setupInterrupted, 'zh-cn'));
  expect(readTree(editorRoot)).toEqual(OLD_EDITOR);
  expectNothingLeftBehind();
});

test('with no editor before, a failure leaves no editor folder and does not claim one was kept', async () => {
  rmSync(path.dirname(editorRoot), { recursive: true });
  const outcome = await runSetup({ tarball: makeTarball('no-build-again', { 'dist/other.js': '' }) });
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).not.toContain(translate(T.setupKeptPrevious, 'en'));
  expect(existsSync(editorRoot)).toBe(false);
  expect(leftInTemporary()).toEqual([]);
  expect(statSync(path.dirname(editorRoot), { throwIfNoEntry: false })).toBeUndefined();
});
