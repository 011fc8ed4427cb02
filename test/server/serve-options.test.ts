/** The serve command's password sources and limit options, through the real bin. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseCount, parseSize } from '../../src/cli/serve-command';
import { passwordFromEnvironment } from '../../src/cli/password-source';
import { withTimeout } from './helpers';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'mqtt-blocks.js');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  if (options.input !== undefined) child.stdin.end(options.input);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(output: () => string, needle: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!output().includes(needle)) {
    if (Date.now() > deadline) throw new Error(`"${needle}" not printed within ${ms} ms; got:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const BASE = ['serve', '--lan', '--http-port', '0', '--tcp-port', '0', '--username', 'teacher'];

describe('password without the process list', () => {
  test('--password-env reads the password from the environment; the banner shows it with the viewer code', async () => {
    const { child, output, exited } = run([...BASE, '--password-env', 'CLASS_PASSWORD'], { env: { CLASS_PASSWORD: 'secret-from-env' } });
    await waitForOutput(output, 'Press Ctrl-C to stop', 20000);
    expect(output()).toContain('secret-from-env');
    expect(output()).toMatch(/Viewer code \/ 查看码:\s+[a-z]+-\d{4}/);
    child.kill('SIGINT');
    await withTimeout(exited, 10000, 'exit');
  }, 30000);

  test('--ask-password reads the first line of piped input', async () => {
    const { child, output, exited } = run([...BASE, '--ask-password'], { input: 'typed-secret\n' });
    await waitForOutput(output, 'Press Ctrl-C to stop', 20000);
    expect(output()).toContain('typed-secret');
    child.kill('SIGINT');
    await withTimeout(exited, 10000, 'exit');
  }, 30000);

  test('a missing variable, or two password sources, stop with a bilingual explanation', async () => {
    const missing = run([...BASE, '--password-env', 'NO_SUCH_VARIABLE_42'], { env: { NO_SUCH_VARIABLE_42: '' } });
    expect(await withTimeout(missing.exited, 20000, 'exit')).toBe(1);
    expect(missing.output()).toContain('NO_SUCH_VARIABLE_42 is not set');
    expect(missing.output()).toContain('环境变量');
    const both = run([...BASE, '--password', 'a', '--ask-password']);
    expect(await withTimeout(both.exited, 20000, 'exit')).toBe(1);
    expect(both.output()).toContain('只能用一个');
  }, 45000);
});

describe('--allow-host', () => {
  test('the banner lists the added names; a value that is not a name stops the start in both languages', async () => {
    const { child, output, exited } = run(['serve', '--http-port', '0', '--tcp-port', '0', '--allow-host', 'classroom.school.lan', '--allow-host', 'proxy.school.lan:443']);
    await waitForOutput(output, 'Press Ctrl-C to stop', 20000);
    expect(output()).toMatch(/Other names this server answers to[^\n]*\n\s+classroom\.school\.lan\n\s+proxy\.school\.lan:443/);
    child.kill('SIGINT');
    await withTimeout(exited, 10000, 'exit');
    const bad = run(['serve', '--http-port', '0', '--tcp-port', '0', '--allow-host', 'http://classroom.school.lan/']);
    expect(await withTimeout(bad.exited, 20000, 'exit')).toBe(1);
    expect(bad.output()).toContain('"http://classroom.school.lan/" is not a host name for --allow-host');
    expect(bad.output()).toContain('不是 --allow-host 可用的主机名');
    expect(bad.output()).not.toContain('    at ');
  }, 45000);
});

describe('option parsers', () => {
  test('sizes take k and m suffixes; counts are whole numbers from 1', () => {
    expect(parseSize('2m')).toBe(2 * 1024 * 1024);
    expect(parseSize('64k')).toBe(65536);
    expect(parseSize('1000')).toBe(1000);
    for (const bad of ['', '0', '-1', '1.5m', 'lots']) expect(() => parseSize(bad)).toThrow(/k 或 m/);
    expect(parseCount('5')).toBe(5);
    for (const bad of ['0', 'x', '2.5']) expect(() => parseCount(bad)).toThrow(/whole number/);
    expect(() => passwordFromEnvironment('X', {})).toThrow(/X is not set/);
  });
});
