/**
 * The CodegenContext (blocks/codegen.ts) for one Blockly block: turns the block's inputs and fields
 * into Python through the generator, so catalogue code never touches Blockly.
 */
import type * as Blockly from 'blockly/core';
import { Order } from 'blockly/python';
import type { CodegenContext, HatTable, RuntimePart, TopicUse } from '../../blocks/codegen';
import type { PendingMessage } from '../../blocks/types';
import { publishTopicProblem, topicFilterProblem } from '../session/topic-filter';
import { topicProblemMessage } from '../session/topic-problem-messages';
import { aboutBlock } from './block-label';
import { CodegenError } from './errors';
import type { BoardGenerator } from './board-generator';

/** Blocks whose value is always a str in Python: no text() around them. */
const STRING_BLOCKS = new Set(['text', 'text_multiline', 'text_join', 'text_prompt_ext', 'text_prompt', 'mqtt_message', 'mqtt_topic', 'mqtt_lastError', 'mqtt_lastMessageOn']);

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
    if (isString(input)) {
      return code;
    }
    // Numbers, true/false and lists become text the way Scratch writes them (true, 2, a b c).
    this.generator.requireRuntime('text');
    return `text(${code})`;
  }

  topic(arg: string, use: TopicUse): string {
    const literal = this.literal(arg);
    if (literal === undefined) {
      // Known only while the program runs: the board checks it (and carries the texts saying why).
      this.generator.requireRuntime('computed_topic');
    } else {
      const problem = use === 'publish' ? publishTopicProblem(literal) : topicFilterProblem(literal);
      if (problem) {
        this.fail(topicProblemMessage(problem, literal));
      }
    }
    return this.text(arg);
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

  insideMessageHat(): boolean {
    return this.block.getRootBlock().type === 'mqtt_whenMessage';
  }

  require(part: RuntimePart): void {
    this.generator.requireRuntime(part);
  }

  registerHat(table: HatTable, nameHint: string, key?: string): string {
    return this.generator.registerHat(this.block, table, nameHint, key);
  }

  fail(problem: PendingMessage): never {
    throw new CodegenError(aboutBlock(this.block, problem), this.block.id);
  }
}
