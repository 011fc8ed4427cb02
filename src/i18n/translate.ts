/**
 * Renders messages in the editor's language with format-message (ICU placeholders), in a namespace
 * of our own so we never touch the editor's translations.
 */
import formatMessage from 'format-message';
import { LOCALES, type Locale } from '../../blocks/types';
import { MESSAGES, type MessageId } from './messages';
import { cutText } from '../text/cut-text';

const formatter = formatMessage.namespace();
formatter.setup({
  locale: 'en',
  missingTranslation: 'ignore',
  translations: Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries(Object.entries(MESSAGES).map(([id, text]) => [id, { message: text[locale] }])),
    ]),
  ),
});

export type MessageParams = Record<string, string | number>;

/** A message not yet rendered: stored as id + values so it re-renders when the language changes. */
export interface PendingMessage {
  readonly id: MessageId;
  readonly params?: MessageParams;
}

/** Values longer than this are cut in messages: a pasted megabyte must not bury the explanation. */
const MAX_SHOWN_VALUE = 100;

function shortened(params: MessageParams): MessageParams {
  const shown: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_SHOWN_VALUE) {
      shown[name] = value;
      continue;
    }
    shown[name] = `${cutText(value, MAX_SHOWN_VALUE - 20).text}…`;
  }
  return shown;
}

export function translate(message: PendingMessage, locale: Locale): string {
  return formatter(message.id, shortened(message.params ?? {}), locale);
}

/**
 * Maps an editor locale ('zh-cn', 'zh-CN', 'zh', 'zh-tw', 'en-GB', ...) to one we have.
 * Any Chinese variant gets Simplified Chinese, which its readers understand better than English.
 */
export function pickLocale(editorLocale: string | undefined | null): Locale {
  const lower = (editorLocale ?? '').toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-cn';
  return 'en';
}
