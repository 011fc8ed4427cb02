/**
 * Chinese / English switch for the board editor: Blockly's own messages and our blocks change together.
 * The editor page calls setBoardLocale, then reloads its workspace (serialization save + load) and
 * its toolbox (workspace.updateToolbox(boardToolbox(locale))) so every block redraws in the new language.
 */
import type * as BlocklyModule from 'blockly/core';
import type { Locale } from '../i18n/locales';
import { registerBoardBlocks } from './register';

type BlocklyLike = Pick<typeof BlocklyModule, 'Blocks' | 'common' | 'setLocale'>;
export type BlocklyMessages = Parameters<typeof BlocklyModule.setLocale>[0];

/** Blockly's message files for our locales (`blockly/msg/en`, `blockly/msg/zh-hans`). */
export const BLOCKLY_MESSAGE_MODULE: Readonly<Record<Locale, string>> = { en: 'blockly/msg/en', 'zh-cn': 'blockly/msg/zh-hans' };

export function setBoardLocale(blockly: BlocklyLike, locale: Locale, messages: BlocklyMessages): void {
  blockly.setLocale(messages);
  registerBoardBlocks(blockly, locale);
}
