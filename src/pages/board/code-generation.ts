/**
 * Runs the board generators (the same BoardGenerator the CLI uses, so the page and
 * `mqtt-blocks generate` give the same code) on the live workspace, and turns every failure into
 * a result the page can show: a pupil's mistake must never become an exception in the console.
 */
import type * as Blockly from 'blockly';
import type { Target } from '../../../blocks/codegen';
import type { PendingMessage } from '../../../blocks/types';
import type { Locale } from '../../i18n/locales';
import { BoardGenerator } from '../../generators/board-generator';
import { CodegenError } from '../../generators/errors';
import { generateProgram, selfContained, type BoardProgram } from '../../generators/program';
import { BOARD_MESSAGES } from './board-text';

export const TARGETS: readonly Target[] = ['micropython', 'python'];

/** `code` is the one-file form (runs as it is); `program` holds main.py and its library apart. */
export type CodeResult = { ok: true; code: string; program: BoardProgram } | { ok: false; message: PendingMessage; blockId?: string };

const generators = new Map<Target, BoardGenerator>();

function generatorFor(target: Target): BoardGenerator {
  let generator = generators.get(target);
  if (generator === undefined) {
    generator = new BoardGenerator(target);
    generators.set(target, generator);
  }
  return generator;
}

/** Board messages in the generated code are in `locale`, the editor's language. */
export function generateCode(workspace: Blockly.Workspace, target: Target, locale: Locale): CodeResult {
  try {
    const program = generateProgram(generatorFor(target), workspace, locale);
    return { ok: true, code: selfContained(program), program };
  } catch (error) {
    if (error instanceof CodegenError) return { ok: false, message: error.problem, blockId: error.blockId };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { message: BOARD_MESSAGES.generatorBug, params: { detail } } };
  }
}
