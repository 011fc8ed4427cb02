/**
 * How an error names a block, so a pupil finds it: the block's own words with the values typed
 * into it (`publish (hello) to (class1/#/temp)`), and the script it is in.
 */
import type * as Blockly from 'blockly/core';
import { findBlock } from '../../blocks/catalogue';
import { LOCALES, type Locale, type LocalizedText } from '../../blocks/types';

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
  return spec.text[locale].replace(/\[([A-Z_]+)\]/g, (_match, name: string) => argumentText(block, name));
}

/** `"publish (hello) to (a/#/b)"`, plus the script's first block when it is another one. */
export function blockLabel(block: Blockly.Block): LocalizedText {
  const root = block.getRootBlock();
  const label = (locale: Locale): string => {
    const own = `"${blockWords(block, locale)}"`;
    if (root === block) return own;
    const where = locale === 'en' ? 'in the script that starts with' : '所在脚本的第一个积木是';
    return `${own} (${where} "${blockWords(root, locale)}")`;
  };
  return Object.fromEntries(LOCALES.map((locale) => [locale, label(locale)])) as unknown as LocalizedText;
}

/** A problem with one block: "The block X: problem" in every language. */
export function aboutBlock(block: Blockly.Block, problem: LocalizedText): LocalizedText {
  const label = blockLabel(block);
  return {
    en: `The block ${label.en}: ${problem.en}`,
    'zh-cn': `积木 ${label['zh-cn']}：${problem['zh-cn']}`,
  };
}
