/**
 * RAM the generated board code keeps on a board, measured as issue 10 asks: bytes after compile()
 * in MicroPython (gc.mem_alloc() before and after, fresh interpreter each), for the library as the
 * tutorial programs get it, the full library, and the tutorials' main.py; as a ratio to
 * umqtt.simple itself (figure recorded in test/support/micropython/umqtt-reference.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBoardProgram } from '../src/generators/headless';
import { libraryFor } from '../src/generators/library/library';
import { UMQTT_SIMPLE_BYTECODE } from '../test/support/micropython/umqtt-reference';

function compiledBytes(source: string): number {
  const run = spawnSync(process.execPath, [join(__dirname, 'support', 'measure-bytecode.mjs')], { input: source, encoding: 'utf8', timeout: 60000 });
  const bytes = Number(run.stdout.trim().split('\n').pop());
  if (!Number.isFinite(bytes)) throw new Error(`measuring failed: ${run.stderr}`);
  return bytes;
}

function workspace(name: string): string {
  return readFileSync(join(__dirname, '..', 'test', 'fixtures', 'workspaces', `${name}.json`), 'utf8');
}

export function runLibraryBytecodeBenchmark(): void {
  console.log('Board code kept on the board after compile() (MicroPython, bytes; umqtt.simple = %d)', UMQTT_SIMPLE_BYTECODE);
  const rows: Array<[string, string]> = [];
  for (const locale of ['en', 'zh-cn'] as const) {
    rows.push([`library, everything (${locale})`, libraryFor('micropython', locale).text]);
    for (const name of ['tutorial-subscriber', 'tutorial-publisher']) {
      const program = generateBoardProgram(workspace(name), 'micropython', locale);
      rows.push([`library for ${name} (${locale})`, program.library?.text ?? '']);
      rows.push([`main.py of ${name} (${locale})`, program.main.text]);
    }
  }
  for (const [label, source] of rows) {
    const bytes = compiledBytes(source);
    console.log(`  ${label.padEnd(44)} ${String(bytes).padStart(6)}  ${(bytes / UMQTT_SIMPLE_BYTECODE).toFixed(2)}x umqtt.simple  ${source.split('\n').length - 1} lines`);
  }
}

if (require.main === module) runLibraryBytecodeBenchmark();
