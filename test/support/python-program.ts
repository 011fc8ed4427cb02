/**
 * Runs a generated Raspberry Pi program under Debian's python3 (with python3-paho-mqtt) and watches
 * its output. Every wait is bounded; stop() always ends the process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEBIAN_PYTHON } from './system-tool';

export class PythonProgram {
  readonly lines: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';
  private readonly exited: Promise<number | null>;
  private listeners: Array<() => void> = [];

  /**
   * @param options.pythonPath put in front of the system's packages (another paho-mqtt version).
   * @param options.files put beside the program (the library main.py imports).
   */
  constructor(code: string, options: { pythonPath?: string; files?: Record<string, string> } = {}) {
    const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-blocks-py-'));
    const file = path.join(dir, 'program.py');
    writeFileSync(file, code);
    for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), text);
    const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' };
    if (options.pythonPath) env.PYTHONPATH = options.pythonPath;
    this.child = spawn(DEBIAN_PYTHON, ['-u', file], { env });
    let partial = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      partial += chunk.toString('utf8');
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
      this.listeners.forEach((listener) => listener());
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get errors(): string {
    return this.stderr;
  }

  write(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Resolves with the first printed line matching, or rejects after `ms` with what was printed. */
  waitForLine(pattern: RegExp | string, ms = 8000): Promise<string> {
    const matches = (line: string): boolean => (typeof pattern === 'string' ? line === pattern : pattern.test(line));
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.lines.find(matches);
        if (found !== undefined) {
          cleanup();
          resolve(found);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no line ${String(pattern)} within ${ms} ms; printed:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`));
      }, ms);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== onData);
      };
      const onData = (): void => {
        check();
      };
      if (!check()) {
        this.listeners.push(onData);
      }
    });
  }

  /** Sends Ctrl-C and resolves with the exit code (SIGKILL if it does not stop within `ms`). */
  async interrupt(ms = 8000): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.waitForExit(ms);
  }

  async waitForExit(ms = 8000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.child.kill('SIGKILL');
      throw new Error(`python did not exit within ${ms} ms; stderr:\n${this.stderr}`);
    }
    return result;
  }

  /** Ends the process abruptly (as pulling the plug would): the broker sends the last will. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
