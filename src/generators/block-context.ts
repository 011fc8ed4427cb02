/**
 * The CodegenContext (blocks/codegen.ts) for one Blockly block: turns the block's inputs and fields
 * into Python through the generator, so catalogue code never touches Blockly.
 */
import * as Blockly from 'blockly/core';
import { Order } from 'blockly/python';
import type { CodegenContext, HatTable, RuntimePart } from '../../blocks/codegen';
import type { LocalizedText } from '../../blocks/types';
import { CodegenError } from './errors';
import type { BoardGenerator } from './board-generator';

/** Blocks whose value is always a str in Python: no str() around them. */
const STRING_BLOCKS = new Set(['text', 'text_multiline', 'text_join', 'text_prompt_ext', 'text_prompt']);

function isString(block: Blockly.Block): boolean {
  const check = block.outputConnection?.getCheck();
  return STRING_BLOCKS.has(block.type) || (check !== null && check !== undefined && check.length === 1 && check[0] === 'String');
}

export class BlockContext implements CodegenContext {
  constructor(
    private readonly block: Blockly.Block,
    private readonly generator: BoardGenerator,
  ) {}

  get target() {
    return this.generator.target;
  }

  text(arg: string): string {
    const input = this.block.getInputTargetBlock(arg);
    if (!input) {
      return "''";
    }
    const code = this.generator.valueToCode(this.block, arg, Order.NONE) || "''";
    return isString(input) ? code : `str(${code})`;
  }

  number(arg: string): string {
    return this.generator.valueToCode(this.block, arg, Order.NONE) || '0';
  }

  literal(arg: string): string | undefined {
    const input = this.block.getInputTargetBlock(arg);
    if (input && (input.type === 'text' || input.type === 'text_multiline')) {
      return String(input.getFieldValue('TEXT') ?? '');
    }
    return input ? undefined : '';
  }

  menu(arg: string): string {
    return String(this.block.getFieldValue(arg) ?? '');
  }

  quote(value: string): string {
    return this.generator.quote_(value);
  }

  require(part: RuntimePart): void {
    this.generator.requireRuntime(part);
  }

  registerHat(table: HatTable, nameHint: string, key?: string): string {
    return this.generator.registerHat(this.block, table, nameHint, key);
  }

  fail(message: LocalizedText): never {
    throw new CodegenError(message, this.block.id);
  }
}
