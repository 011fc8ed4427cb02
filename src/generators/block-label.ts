/**
 * How an error names a block, so a pupil finds it: the block's own words with the values typed
 * into it (`publish (hello) to (class1/#/temp)`), and the script it is in.
 */
import type * as Blockly from 'blockly/core';
import { findBlock } from '../../blocks/catalogue';
import type { Message, PendingMessage, TextPerLocale } from '../../blocks/types';
import { LOCALES } from '../i18n/locales';
import { resolveLocale } from '../i18n/resolve-locale';
import { translate, type Locale } from '../i18n/translate';

export const BLOCK_LABEL_MESSAGES = {
  aboutBlock: {
    id: 'mqtt.generate.aboutBlock',
    default: 'The block {block}: {problem}',
    description: 'Board code error about one block. {block} is the block as it looks, in quotes (maybe with its script), {problem} what is wrong with it.',
  },
  inScript: {
    id: 'mqtt.generate.inScript',
    default: '{block} (in the script that starts with {root})',
    description: 'Names a block inside a longer script, so a pupil finds it. {block} and {root} are blocks as they look, in quotes; {root} is the first block of the script.',
  },
} as const satisfies Record<string, Message>;

const MAX_VALUE = 40;

function shown(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

function argumentText(block: Blockly.Block, name: string): string {
  const field = block.getField(name);
  if (field) return `(${shown(String(field.getText()))} ▾)`;
  const input = block.getInputTargetBlock(name);
  if (!input) return '( )';
  if (input.type === 'text' || input.type === 'math_number') return `(${shown(String(input.getFieldValue(input.type === 'text' ? 'TEXT' : 'NUM') ?? ''))})`;
  return '(…)';
}

/** One block in one language: catalogue words for MQTT blocks, Blockly's type for the others. */
function blockWords(block: Blockly.Block, locale: Locale): string {
  const spec = block.type.startsWith('mqtt_') ? findBlock(block.type.slice('mqtt_'.length)) : undefined;
  if (!spec) return block.type;
  return translate(spec.text, locale).replace(/\[([A-Z_]+)\]/g, (_match, name: string) => argumentText(block, name));
}

/**
 * `"publish (hello) to (a/#/b)"`, plus the script's first block when it is another one, in every
 * language. Read now, while the block exists (a headless workspace is disposed before the error is shown).
 */
export function blockLabel(block: Blockly.Block): TextPerLocale {
  const root = block.getRootBlock();
  const labels = new Map<Locale, string>();
  for (const locale of LOCALES) {
    const own = `"${blockWords(block, locale)}"`;
    labels.set(locale, root === block ? own : translate(BLOCK_LABEL_MESSAGES.inScript, locale, { block: own, root: `"${blockWords(root, locale)}"` }));
  }
  const english = labels.get('en') ?? block.type;
  return (locale) => labels.get(resolveLocale(locale)) ?? english;
}

/** A problem with one block: "The block X: problem", rendered in whichever language is asked. */
export function aboutBlock(block: Blockly.Block, problem: PendingMessage): PendingMessage {
  return { message: BLOCK_LABEL_MESSAGES.aboutBlock, params: { block: blockLabel(block), problem } };
}
