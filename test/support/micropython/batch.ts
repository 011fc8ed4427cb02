/**
 * Runs generated MicroPython programs in one interpreter process (run-batch.mjs): each program
 * gets fresh globals and freshly reset stand-ins. Many at once for fuzzing (no process and no
 * interpreter start per program); runMicroPython in run.ts is a batch of one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Call, RunResult, Scenario } from './run';

const RUNNER = path.join(__dirname, 'run-batch.mjs');

export function runMicroPythonBatch(runs: Array<{ program: string; scenario?: Scenario; files?: Record<string, string> }>, timeoutMs = 120000): Promise<RunResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`MicroPython batch timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((line) => line.startsWith('{'));
      if (lines.length !== runs.length) {
        reject(new Error(`MicroPython batch runner failed (exit ${code}, ${lines.length} of ${runs.length} results): ${stderr}`));
        return;
      }
      resolve(
        lines.map((line) => {
          const parsed = JSON.parse(line) as { result: { calls: Call[]; check_msg: number }; stdout: string[]; error: RunResult['error'] };
          return { calls: parsed.result.calls, stdout: parsed.stdout, error: parsed.error, checkMsgCalls: parsed.result.check_msg };
        }),
      );
    });
    child.stdin.end(JSON.stringify({ runs }));
  });
}
