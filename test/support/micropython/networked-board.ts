/**
 * Starts a networked MicroPython board (net-board.mjs) in its own process and collects what it
 * prints; `stop()` ends it. Boards run boot.py from their files and reboot on machine.reset().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface NetBoard {
  /** Everything printed so far, line by line. */
  readonly lines: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** What a board's firmware runs after boot.py: main.py, when there is one. */
export const BOOT_THEN_MAIN = "import os\nfor _file in ('boot.py', 'main.py'):\n    if _file in os.listdir():\n        exec(open(_file).read(), {'__name__': '__main__'})";

export interface NetBoardOptions {
  scenario?: Record<string, unknown>;
  /** Free flash statvfs reports, in bytes. */
  flashFree?: number;
  /** Python source run at each boot (net-board.mjs's default: boot.py only). */
  boot?: string;
}

export function startNetBoard(files: Record<string, string>, options: NetBoardOptions = {}): NetBoard {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'net-board.mjs'), JSON.stringify({ files, ...options })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let pending = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    if (process.env.BOARD_LOG) parts.forEach((line) => console.log(`board: ${line}`));
    listeners.forEach((listener) => listener());
  });
  return {
    lines,
    waitForLine(pattern, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const line = lines.find((text) => pattern.test(text));
          if (line === undefined) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`board never printed ${pattern}; it printed:\n${lines.slice(-30).join('\n')}`));
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
