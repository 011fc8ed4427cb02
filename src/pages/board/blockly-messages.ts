/**
 * Blockly's own translations, both bundled: switching language must work offline and at once.
 */
import * as En from 'blockly/msg/en';
import * as ZhHans from 'blockly/msg/zh-hans';
import type { Locale } from '../../i18n/locales';
import type { BlocklyMessages } from '../../blockly/locale';

export const BLOCKLY_MESSAGES: Readonly<Record<Locale, BlocklyMessages>> = {
  en: En,
  'zh-cn': ZhHans,
};
