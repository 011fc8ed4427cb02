/**
 * Registers the board-face MQTT blocks with a Blockly instance, in one locale. Called again with the
 * other locale to switch language (the editor then reloads its workspace so blocks redraw).
 * Takes Blockly as a parameter so the editor page and headless Node share this code.
 */
import type * as BlocklyModule from 'blockly/core';
import { blocksFor } from '../../blocks/catalogue';
import type { Locale } from '../i18n/locales';
import { blockJson, type BlockJson } from './block-json';

type BlocklyLike = Pick<typeof BlocklyModule, 'Blocks' | 'common'>;

/** Block JSON for every block the board editor shows (Scratch-only blocks are left out). */
export function boardBlockJson(locale: Locale): BlockJson[] {
  return blocksFor('board').map((spec) => blockJson(spec, locale));
}

const registeredLocale = new WeakMap<object, Locale>();

export function registerBoardBlocks(blockly: BlocklyLike, locale: Locale): void {
  if (registeredLocale.get(blockly.Blocks) === locale) {
    return;
  }
  const definitions = boardBlockJson(locale);
  // Re-defining a block type only replaces its definition; delete first so Blockly does not warn.
  for (const definition of definitions) {
    delete blockly.Blocks[definition.type];
  }
  blockly.common.defineBlocksWithJsonArray(definitions);
  registeredLocale.set(blockly.Blocks, locale);
}
