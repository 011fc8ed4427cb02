/**
 * The languages we have besides English. English lives in the code (each message's `default`);
 * every other language is ONE file in ./locales/, a flat JSON object id → text, sorted by id so two
 * people adding messages at once merge without conflict.
 *
 * Adding a language is adding its file plus its one line below. (Discovering files at run time would
 * need webpack's require.context in the bundles and fs in Node: two mechanisms for one line.)
 */
import zhCn from './locales/zh-cn.json';

const LOCALE_FILES = {
  'zh-cn': zhCn,
} as const satisfies Record<string, Readonly<Record<string, string>>>;

/** A language we can show: lower-case BCP 47 tag, as Scratch writes them ('en', 'zh-cn'). */
export type Locale = 'en' | keyof typeof LOCALE_FILES;

/** Every language we have, English first. */
export const LOCALES: readonly Locale[] = ['en', ...(Object.keys(LOCALE_FILES) as Array<keyof typeof LOCALE_FILES>)];

/** The texts of one language by message id; English has none (it is each message's default). */
export function translationsOf(locale: Locale): Readonly<Record<string, string>> {
  return locale === 'en' ? {} : LOCALE_FILES[locale];
}

export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}
