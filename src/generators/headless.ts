/**
 * Code generation without an editor (CLI, tests, server): loads Blockly's serialization JSON
 * (`Blockly.serialization.workspaces.save`) into a headless workspace and runs a board generator.
 */
import * as Blockly from 'blockly';
import type { Target } from '../../blocks/codegen';
import type { Locale } from '../i18n/locales';
import { registerBoardBlocks } from '../blockly/register';
import { BoardGenerator } from './board-generator';
import { CodegenError } from './errors';
import { GENERATOR_MESSAGES } from './messages';
import { generateProgram, selfContained, type BoardProgram } from './program';
import { checkWorkspace, cutLongChains, parseWorkspaceText } from './workspace-check';

const generators = new Map<Target, BoardGenerator>();

export function generatorFor(target: Target): BoardGenerator {
  let generator = generators.get(target);
  if (!generator) {
    generator = new BoardGenerator(target);
    generators.set(target, generator);
  }
  return generator;
}

/** main.py and its library from a saved workspace (the CLI's `--out-dir`, the server, tests). */
export function generateBoardProgram(json: string | object, target: Target, locale: Locale = 'en'): BoardProgram {
  registerBoardBlocks(Blockly, 'en');
  const state = parseWorkspaceText(json);
  checkWorkspace(state, (type) => Boolean(Blockly.Blocks[type]));
  const links = cutLongChains(state);
  const workspace = new Blockly.Workspace();
  try {
    try {
      Blockly.serialization.workspaces.load(state, workspace);
      for (const { parent, child } of links) {
        const from = workspace.getBlockById(parent)?.nextConnection;
        const to = workspace.getBlockById(child)?.previousConnection;
        if (from && to) from.connect(to);
      }
    } catch (error) {
      const detail = (error as Error).message.replace(/\s+/g, ' ');
      throw new CodegenError({ message: GENERATOR_MESSAGES.cannotLoad, params: { detail } });
    }
    return generateProgram(generatorFor(target), workspace, locale);
  } finally {
    workspace.dispose();
  }
}

/** The one-file form (the CLI's `-o`): library and main.py together, runs as it is. */
export function generateFromWorkspaceJson(json: string | object, target: Target, locale: Locale = 'en'): string {
  return selfContained(generateBoardProgram(json, target, locale));
}
