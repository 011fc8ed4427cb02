/**
 * Renders messages in a language with format-message (ICU placeholders), in a format-message
 * namespace of our own so we never touch the editor's translations. Works the same in Node (server,
 * CLI, generators) and in the browser bundles.
 */
import formatMessage from 'format-message';
import type { Message, MessageParams, PendingMessage } from '../../blocks/types';
import { LOCALES, translationsOf, type Locale } from './locales';
import { cutText } from '../text/cut-text';

export type { Message, MessageParams, PendingMessage, TextPerLocale } from '../../blocks/types';
export type { Locale } from './locales';

const formatter = formatMessage.namespace();
formatter.setup({
  locale: 'en',
  // A missing translation shows the English default (the completeness test keeps this rare).
  missingTranslation: 'ignore',
  // format-message caches parsed messages inside this object: give it copies, not the JSON modules.
  translations: Object.fromEntries(LOCALES.map((locale) => [locale, { ...translationsOf(locale) }])),
});

/** Values longer than this are cut in messages: a pasted megabyte must not bury the explanation. */
const MAX_SHOWN_VALUE = 100;

/** Values as shown: nested messages rendered in `locale`, long texts cut. */
function shown(params: MessageParams, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(params)) {
    // Nested messages and composed texts are ours (cut where needed): only plain values are shortened.
    if (typeof raw === 'object') values[name] = translatePending(raw, locale);
    else if (typeof raw === 'function') values[name] = raw(locale);
    else if (typeof raw === 'number' || raw.length <= MAX_SHOWN_VALUE) values[name] = raw;
    else values[name] = `${cutText(raw, MAX_SHOWN_VALUE - 20).text}…`;
  }
  return values;
}

/**
 * The message in `locale` with its `{name}` placeholders filled from `params` (values are inserted
 * literally; very long ones are cut; a value that is a PendingMessage is rendered in `locale` too).
 * Falls back to English where a language lacks the message.
 */
export function translate(message: Message, locale: Locale, params: MessageParams = {}): string {
  return formatter(message, shown(params, locale), locale);
}

/** Renders a message kept as message + values, so it re-renders when the language changes (errors, notices). */
export function translatePending(pending: PendingMessage, locale: Locale): string {
  return translate(pending.message, locale, pending.params);
}

/** The unrendered text of a message in a language (placeholders left in): for tests and tools. */
export function messageTemplate(message: Message, locale: Locale): string {
  return translationsOf(locale)[message.id] ?? message.default;
}

/** A value that is either fixed text (a topic, an address) or a message to show in the reader's language. */
export function textIn(value: string | Message, locale: Locale): string {
  return typeof value === 'string' ? value : translate(value, locale);
}
