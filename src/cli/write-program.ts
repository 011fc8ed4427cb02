/**
 * Where `generate` puts a board program, for a Blockly workspace and a Scratch project alike:
 * `--out-dir` gets main.py and its library as two files, `-o` the one-file form, and without
 * either the one-file form goes to standard output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onOneLine } from '../i18n/terminal-text';
import { selfContained, type BoardProgram } from '../generators/program';
import { CLI_TEXT as T } from './cli-text';
import type { GenerateIo } from './generate-command';

export function writeProgram(program: BoardProgram, where: { outDir?: string; output?: string }, io: GenerateIo): void {
  if (where.outDir) {
    mkdirSync(where.outDir, { recursive: true });
    for (const file of [program.main, program.library]) {
      if (file === null) continue;
      writeFileSync(path.join(where.outDir, file.name), file.text);
      io.err(`${onOneLine(T.wrote, { file: path.join(where.outDir, file.name) })}\n`);
    }
  } else if (where.output) {
    writeFileSync(where.output, selfContained(program));
    io.err(`${onOneLine(T.wrote, { file: where.output })}\n`);
  } else {
    io.out(selfContained(program));
  }
}
