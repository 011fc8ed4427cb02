/**
 * Checks a saved workspace before Blockly loads it, so a file from another tool, a hand-edited file
 * or a hostile one gets a clear message naming the block (in both languages) instead of a Blockly
 * stack trace. Walks the JSON without recursion: a chain of thousands of blocks or nesting
 * thousands deep cannot overflow the stack here.
 */
import type { Message, MessageParams, PendingMessage } from '../../blocks/types';
import { BLOCK_LABEL_MESSAGES } from './block-label';
import { CodegenError } from './errors';
import { GENERATOR_MESSAGES as M } from './messages';

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

function refuse(message: Message, params?: MessageParams): never {
  throw new CodegenError({ message, params });
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
    if (!isObject(json)) refuse(M.notBoardFile);
    return copyJson(json) as Json;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(M.notWorkspace, { detail: (error as Error).message });
  }
  if (!isObject(parsed)) refuse(M.notObject);
  return parsed;
}

/** Where a block is, for messages: its type and the type of the first block of its script. */
function where(type: string, root: string): string | PendingMessage {
  return type === root ? `"${type}"` : { message: BLOCK_LABEL_MESSAGES.inScript, params: { block: `"${type}"`, root: `"${root}"` } };
}

/**
 * Refuses what Blockly cannot load and names the block: a file from another tool, `"blocks": "hello"`,
 * blocks without a type, unknown block types, inputs that are not blocks, nesting deeper than MAX_NESTING.
 */
export function checkWorkspace(state: Json, knownType: (type: string) => boolean): void {
  if (!('blocks' in state)) {
    if ('targets' in state) {
      refuse(M.scratchProject);
    }
    return; // An empty workspace (only variables, or nothing): an empty program.
  }
  const blocks = state.blocks;
  if (!isObject(blocks) || (blocks.blocks !== undefined && !Array.isArray(blocks.blocks))) {
    refuse(M.noBlocks);
  }
  const stack: Array<{ node: unknown; depth: number; root: string }> = ((blocks.blocks as unknown[] | undefined) ?? []).map((node) => ({ node, depth: 0, root: '' }));
  while (stack.length > 0) {
    const { node, depth, root } = stack.pop()!;
    if (!isObject(node) || typeof node.type !== 'string' || node.type === '') {
      refuse(M.noType, { json: JSON.stringify(node)?.slice(0, 60) ?? '' });
    }
    const type = node.type;
    const scriptRoot = root === '' ? type : root;
    const here = where(type, scriptRoot);
    if (!knownType(type)) {
      refuse(M.unknownType, { block: here });
    }
    if (depth > MAX_NESTING) {
      refuse(M.tooDeep, { max: MAX_NESTING, block: here });
    }
    if (node.inputs !== undefined) {
      if (!isObject(node.inputs)) refuse(M.inputsDamaged, { block: here });
      for (const input of Object.values(node.inputs)) {
        if (!isObject(input)) refuse(M.inputDamaged, { block: here });
        for (const key of ['block', 'shadow']) {
          if (input[key] !== undefined) stack.push({ node: input[key], depth: depth + 1, root: scriptRoot });
        }
      }
    }
    if (node.next !== undefined) {
      if (!isObject(node.next) || (node.next.block === undefined && node.next.shadow === undefined)) refuse(M.nextDamaged, { block: here });
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
