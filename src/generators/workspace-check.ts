/**
 * Checks a saved workspace before Blockly loads it, so a file from another tool, a hand-edited file
 * or a hostile one gets a clear message naming the block (in both languages) instead of a Blockly
 * stack trace. Walks the JSON without recursion: a chain of thousands of blocks or nesting
 * thousands deep cannot overflow the stack here.
 */
import type { LocalizedText } from '../../blocks/types';
import { CodegenError } from './errors';

/**
 * Blocks inside blocks deeper than this are refused: CPython refuses Python nested much deeper
 * (about 100 levels of parentheses or 20 of loops) and MicroPython's compiler recurses on them.
 */
export const MAX_NESTING = 100;
/** A `next` chain is cut into pieces of this many blocks for Blockly's recursive loader (headless.ts). */
export const CHAIN_PIECE = 200;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function refuse(en: string, zh: string): never {
  throw new CodegenError({ en, 'zh-cn': zh } satisfies LocalizedText);
}

/** A copy of JSON data made without recursion (structuredClone overflows on deep nesting). */
function copyJson(value: unknown): unknown {
  const root: { value?: unknown } = {};
  const work: Array<[unknown, Record<string, unknown> | unknown[], string | number]> = [[value, root, 'value']];
  while (work.length > 0) {
    const [item, into, key] = work.pop()!;
    let copy: unknown = item;
    if (Array.isArray(item)) {
      const list: unknown[] = [];
      item.forEach((element, index) => work.push([element, list, index]));
      copy = list;
    } else if (isObject(item)) {
      const object: Json = {};
      for (const [name, element] of Object.entries(item)) work.push([element, object, name]);
      copy = object;
    }
    (into as Record<string | number, unknown>)[key] = copy;
  }
  return root.value;
}

/**
 * The file's content as a fresh object the checks may change: a UTF-8 byte-order mark (Windows
 * Notepad saves one) is fine.
 */
export function parseWorkspaceText(json: string | object): Json {
  if (typeof json !== 'string') {
    if (!isObject(json)) refuse('This is not a board editor file.', '这不是积木编辑器保存的文件。');
    return copyJson(json) as Json;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(
      `This is not a Blockly workspace file (bad JSON: ${(error as Error).message}).`,
      `这不是 Blockly 工作区文件（JSON 格式错误：${(error as Error).message}）。`,
    );
  }
  if (!isObject(parsed)) refuse('This is not a board editor file (it is not a JSON object).', '这不是积木编辑器保存的文件（不是 JSON 对象）。');
  return parsed;
}

/** Where a block is, for messages: its type and the type of the first block of its script. */
function where(type: string, root: string): { en: string; zh: string } {
  return type === root ? { en: `"${type}"`, zh: `"${type}"` } : { en: `"${type}" (in the script that starts with "${root}")`, zh: `"${type}"（所在脚本的第一个积木是 "${root}"）` };
}

/**
 * Refuses what Blockly cannot load and names the block: a file from another tool, `"blocks": "hello"`,
 * blocks without a type, unknown block types, inputs that are not blocks, nesting deeper than MAX_NESTING.
 */
export function checkWorkspace(state: Json, knownType: (type: string) => boolean): void {
  if (!('blocks' in state)) {
    if ('targets' in state) {
      refuse(
        'This is a Scratch project file, not a board editor file. Open it in Scratch, or build the program in the board editor.',
        '这是 Scratch 项目文件，不是积木编辑器保存的文件。请在 Scratch 中打开它，或在积木编辑器中搭建程序。',
      );
    }
    return; // An empty workspace (only variables, or nothing): an empty program.
  }
  const blocks = state.blocks;
  if (!isObject(blocks) || (blocks.blocks !== undefined && !Array.isArray(blocks.blocks))) {
    refuse(
      'This file has no blocks the board editor can read ("blocks" is not a list of blocks). Was it saved by the board editor?',
      '这个文件里没有积木编辑器能读取的积木（"blocks" 不是积木列表）。它是积木编辑器保存的吗？',
    );
  }
  const stack: Array<{ node: unknown; depth: number; root: string }> = ((blocks.blocks as unknown[] | undefined) ?? []).map((node) => ({ node, depth: 0, root: '' }));
  while (stack.length > 0) {
    const { node, depth, root } = stack.pop()!;
    if (!isObject(node) || typeof node.type !== 'string' || node.type === '') {
      refuse(
        `A block in this file has no type (${JSON.stringify(node)?.slice(0, 60)}). The file is damaged or comes from another tool.`,
        `文件中有一个积木没有类型（${JSON.stringify(node)?.slice(0, 60)}）。文件已损坏或来自其他工具。`,
      );
    }
    const type = node.type;
    const scriptRoot = root === '' ? type : root;
    const here = where(type, scriptRoot);
    if (!knownType(type)) {
      refuse(
        `Unknown block type ${here.en}. The file may come from a newer mqtt-blocks or another editor: remove that block or update mqtt-blocks.`,
        `未知的积木类型 ${here.zh}。这个文件可能来自更新版本的 mqtt-blocks 或其他编辑器：请删除这个积木或更新 mqtt-blocks。`,
      );
    }
    if (depth > MAX_NESTING) {
      refuse(
        `Blocks are nested more than ${MAX_NESTING} deep at ${here.en}. Python cannot run code nested that deep: use fewer blocks inside blocks (a function block helps).`,
        `积木 ${here.zh} 处嵌套超过 ${MAX_NESTING} 层。Python 无法运行嵌套这么深的代码：请减少积木里套积木的层数（可以用函数积木）。`,
      );
    }
    if (node.inputs !== undefined) {
      if (!isObject(node.inputs)) refuse(`The inputs of block ${here.en} are damaged.`, `积木 ${here.zh} 的输入已损坏。`);
      for (const input of Object.values(node.inputs)) {
        if (!isObject(input)) refuse(`An input of block ${here.en} is damaged.`, `积木 ${here.zh} 的一个输入已损坏。`);
        for (const key of ['block', 'shadow']) {
          if (input[key] !== undefined) stack.push({ node: input[key], depth: depth + 1, root: scriptRoot });
        }
      }
    }
    if (node.next !== undefined) {
      if (!isObject(node.next) || (node.next.block === undefined && node.next.shadow === undefined)) refuse(`The block after ${here.en} is damaged.`, `积木 ${here.zh} 后面的积木已损坏。`);
      stack.push({ node: node.next.block ?? node.next.shadow, depth, root: scriptRoot });
    }
  }
}

/**
 * Blockly loads a `next` chain recursively: a chain of a few thousand blocks overflows the stack.
 * Cuts every chain into pieces of CHAIN_PIECE blocks (top-level stacks of their own) and returns
 * the links to restore once loaded (parent id → first block id of the next piece).
 */
export function cutLongChains(state: Json): Array<{ parent: string; child: string }> {
  const links: Array<{ parent: string; child: string }> = [];
  const blocks = isObject(state.blocks) && Array.isArray(state.blocks.blocks) ? (state.blocks.blocks as Json[]) : [];
  let counter = 0;
  const idOf = (node: Json): string => {
    if (typeof node.id !== 'string' || node.id === '') node.id = `mqtt-blocks-chain-${++counter}`;
    return node.id as string;
  };
  const pieces: Json[] = [];
  const stack: Json[] = [...blocks];
  while (stack.length > 0) {
    let node: Json | undefined = stack.pop();
    let length = 0;
    while (node !== undefined) {
      for (const input of Object.values(isObject(node.inputs) ? node.inputs : {})) {
        if (isObject(input) && isObject(input.block)) stack.push(input.block);
      }
      const next: Json | undefined = isObject(node.next) && isObject(node.next.block) ? node.next.block : undefined;
      if (next !== undefined && ++length >= CHAIN_PIECE) {
        links.push({ parent: idOf(node), child: idOf(next) });
        delete node.next;
        pieces.push(next);
        length = 0;
      }
      node = next;
    }
  }
  if (pieces.length > 0) (state.blocks as Json).blocks = [...blocks, ...pieces];
  return links;
}
