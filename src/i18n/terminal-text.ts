/**
 * How the classroom server and the `mqtt-blocks` command speak on a terminal: every message in
 * every language we have, English first. A terminal does not reliably say the teacher's language
 * (Windows consoles, sudo, services), and the same screen is often read by pupils of the other one.
 */
import { LOCALES } from './locales';
import { translate, translatePending, type Message, type MessageParams, type PendingMessage } from './translate';

/** The message in each language, once per distinct text (a product name is not repeated). */
export function everyLanguage(message: Message | PendingMessage, params?: MessageParams): string[] {
  const texts = LOCALES.map((locale) => ('message' in message ? translatePending(message, locale) : translate(message, locale, params)));
  return [...new Set(texts)];
}

/** One line per language: for sentences and errors. */
export function inLines(message: Message | PendingMessage, params?: MessageParams): string {
  return everyLanguage(message, params).join('\n');
}

/** All languages on one line ("Username / 用户名"): for labels, option help and short notes. */
export function onOneLine(message: Message | PendingMessage, params?: MessageParams, separator = ' / '): string {
  return everyLanguage(message, params).join(separator);
}
