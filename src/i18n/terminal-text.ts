/**
 * How the classroom server and the `mqtt-blocks` command speak on a terminal: every message in
 * every language we have, English first. A terminal does not reliably say the teacher's language
 * (Windows consoles, sudo, services), and the same screen is often read by pupils of the other one.
 */
import { LOCALES } from './locales';
import { resolveLocale } from './resolve-locale';
import { translate, translatePending, type Locale, type Message, type MessageParams, type PendingMessage } from './translate';

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

/** The locale variables a terminal's language comes from, in POSIX order of precedence. */
export interface LocaleEnvironment {
  LC_ALL?: string;
  LC_MESSAGES?: string;
  LANG?: string;
}

/**
 * The language the environment names (`LANG=zh_CN.UTF-8` → 'zh-cn'), or null when it names none:
 * unset (most Windows consoles), empty, or the C/POSIX locale that services and containers run with.
 */
export function terminalLocale(env: LocaleEnvironment = process.env): Locale | null {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (tag === undefined) return null;
  const language = tag.replace(/[.@].*$/, '').toUpperCase();
  if (language === '' || language === 'C' || language === 'POSIX') return null;
  return resolveLocale(tag);
}

/**
 * Command line help (`--help`): a teacher who asks for help reads it in the terminal's language
 * alone when the environment names one; when it names none, every language on one line.
 */
export function helpText(message: Message, params?: MessageParams, env: LocaleEnvironment = process.env): string {
  const locale = terminalLocale(env);
  return locale === null ? onOneLine(message, params) : translate(message, locale, params);
}

/**
 * An answer to what the teacher typed (the command line's own errors): like help, in the terminal's
 * language alone when the environment names one; when it names none, every language in turn, the
 * messages one line each.
 */
export function replyText(messages: readonly PendingMessage[], env: LocaleEnvironment = process.env): string {
  const named = terminalLocale(env);
  const blocks = (named === null ? LOCALES : [named]).map((locale) => messages.map((message) => translatePending(message, locale)).join('\n'));
  return [...new Set(blocks)].join('\n');
}
