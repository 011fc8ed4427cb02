/**
 * The one locale resolver: any language tag an editor, a browser or an environment variable gives
 * ('zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'en-GB', '') → one of the languages we have.
 */
import { isLocale, LOCALES, type Locale } from './locales';

/**
 * Tags that name a script or region rather than a file of ours. Traditional Chinese (zh-TW,
 * zh-Hant, zh-HK, zh-MO) maps to 'zh-tw' should such a file ever exist; until then it falls through
 * to Simplified Chinese below, because its readers read Simplified Chinese far better than English.
 */
const ALIASES: Readonly<Record<string, string>> = {
  zh: 'zh-cn',
  'zh-hans': 'zh-cn',
  'zh-sg': 'zh-cn',
  'zh-my': 'zh-cn',
  'zh-hant': 'zh-tw',
  'zh-hk': 'zh-tw',
  'zh-mo': 'zh-tw',
};

/**
 * @param tag a language tag in any spelling: case, `_` or `-`, POSIX suffixes (`.UTF-8`, `@euro`)
 * @returns the closest language we have; English when nothing is close (`zhx`, `fr`, empty)
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const wanted = (tag ?? '').trim().toLowerCase().replace(/[.@].*$/, '').replace(/_/g, '-');
  if (wanted === '') return 'en';
  const parts = wanted.split('-');
  // Most specific first: zh-hans-cn, zh-hans, zh (each also through its alias).
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('-');
    if (isLocale(candidate)) return candidate;
    const alias = ALIASES[candidate];
    if (alias !== undefined && isLocale(alias)) return alias;
  }
  // Same language, other region or script (zh-TW with only zh-cn present): still far better than English.
  const sameLanguage = LOCALES.find((locale) => locale.split('-')[0] === parts[0]);
  return sameLanguage ?? 'en';
}
