/**
 * Renders messages in a language with format-message (ICU placeholders), in a format-message
 * namespace of our own so we never touch the editor's translations. Works the same in Node (server,
 * CLI, generators) and in the browser bundles.
 */
import formatMessage from 'format-message';
import type { Message } from '../../blocks/types';
import { LOCALES, translationsOf, type Locale } from './locales';
import { cutText } from '../text/cut-text';

export type { Message } from '../../blocks/types';
export type { Locale } from './locales';

const formatter = formatMessage.namespace();
formatter.setup({
  locale: 'en',
  // A missing translation shows the English default (the completeness test keeps this rare).
  missingTranslation: 'ignore',
  // format-message caches parsed messages inside this object: give it copies, not the JSON modules.
  translations: Object.fromEntries(LOCALES.map((locale) => [locale, { ...translationsOf(locale) }])),
});

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message not yet rendered: kept as message + values so it re-renders when the language changes. */
export interface PendingMessage {
  readonly message: Message;
  readonly params?: MessageParams;
}

/** Values longer than this are cut in messages: a pasted megabyte must not bury the explanation. */
const MAX_SHOWN_VALUE = 100;

function shortened(params: MessageParams): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_SHOWN_VALUE) {
      shown[name] = value;
      continue;
    }
    shown[name] = `${cutText(value, MAX_SHOWN_VALUE - 20).text}…`;
  }
  return shown;
}

/**
 * The message in `locale` with its `{name}` placeholders filled from `params` (values are inserted
 * literally; very long ones are cut). Falls back to English where a language lacks the message.
 */
export function translate(message: Message, locale: Locale, params: MessageParams = {}): string {
  return formatter(message, shortened(params), locale);
}

/** Renders a message kept for later (an error shown in a reporter, a notice on a page). */
export function translatePending(pending: PendingMessage, locale: Locale): string {
  return translate(pending.message, locale, pending.params);
}

/** The unrendered text of a message in a language (placeholders left in): for tests and tools. */
export function messageTemplate(message: Message, locale: Locale): string {
  return translationsOf(locale)[message.id] ?? message.default;
}
