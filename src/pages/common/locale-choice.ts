/**
 * Which language the classroom pages speak. The pupil's last choice wins (remembered in
 * localStorage, shared by the board editor and the monitor); otherwise the browser's language.
 */
import type { Locale } from '../../i18n/locales';
import { isLocale } from '../../i18n/locales';
import { resolveLocale } from '../../i18n/resolve-locale';

const STORAGE_KEY = 'mqtt-blocks.locale';

export function initialLocale(): Locale {
  const stored = readStorage(STORAGE_KEY);
  if (stored !== null && isLocale(stored)) return stored;
  return resolveLocale(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  writeStorage(STORAGE_KEY, locale);
}

/** The `lang` attribute for a locale, so the browser picks Simplified Chinese glyphs. */
export function htmlLang(locale: Locale): string {
  return locale.replace(/-([a-z]{2})$/, (_match, region: string) => `-${region.toUpperCase()}`);
}

/** localStorage throws in some privacy modes and when full: the page must keep working without it. */
export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Returns false when the value could not be stored (quota, privacy mode). */
export function writeStorage(key: string, value: string): boolean {
  try {
    window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
