/**
 * Code generation without an editor (CLI, tests, server): loads Blockly's serialization JSON
 * (`Blockly.serialization.workspaces.save`) into a headless workspace and runs a board generator.
 */
import * as Blockly from 'blockly';
import type { Target } from '../../blocks/codegen';
import type { Locale } from '../../blocks/types';
import { registerBoardBlocks } from '../blockly/register';
import { BoardGenerator } from './board-generator';
import { CodegenError } from './errors';
import { generateProgram, selfContained, type BoardProgram } from './program';

const generators = new Map<Target, BoardGenerator>();

export function generatorFor(target: Target): BoardGenerator {
  let generator = generators.get(target);
  if (!generator) {
    generator = new BoardGenerator(target);
    generators.set(target, generator);
  }
  return generator;
}

/** Every `type` in a serialized workspace (blocks, their inputs' blocks and shadows, next chains). */
function blockTypesIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    node.forEach((item) => blockTypesIn(item, found));
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && ('id' in record || 'fields' in record || 'inputs' in record || 'next' in record || 'x' in record)) {
      found.add(record.type);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'variables') {
        blockTypesIn(value, found);
      }
    }
  }
  return found;
}

function parseWorkspace(json: string | object): Record<string, unknown> {
  if (typeof json !== 'string') {
    return json as Record<string, unknown>;
  }
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new SyntaxError('not a JSON object');
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new CodegenError({
      en: `This is not a Blockly workspace file (bad JSON: ${(error as Error).message}).`,
      'zh-cn': `这不是 Blockly 工作区文件（JSON 格式错误：${(error as Error).message}）。`,
    });
  }
}

/** main.py and its library from a saved workspace (the CLI's `--out-dir`, the server, tests). */
export function generateBoardProgram(json: string | object, target: Target, locale: Locale = 'en'): BoardProgram {
  registerBoardBlocks(Blockly, 'en');
  const state = parseWorkspace(json);
  const unknown = [...blockTypesIn(state.blocks ?? [], new Set())].filter((type) => !Blockly.Blocks[type]);
  if (unknown.length > 0) {
    throw new CodegenError({
      en: `Unknown block type: ${unknown.join(', ')}. The file may come from a newer mqtt-blocks or another editor.`,
      'zh-cn': `未知的积木类型：${unknown.join('、')}。这个文件可能来自更新版本的 mqtt-blocks 或其他编辑器。`,
    });
  }
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(state, workspace);
    return generateProgram(generatorFor(target), workspace, locale);
  } finally {
    workspace.dispose();
  }
}

/** The one-file form (the CLI's `-o`): library and main.py together, runs as it is. */
export function generateFromWorkspaceJson(json: string | object, target: Target, locale: Locale = 'en'): string {
  return selfContained(generateBoardProgram(json, target, locale));
}
