import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allMessages } from '../../src/i18n/all-messages';
import { LOCALES, translationsOf, type Locale } from '../../src/i18n/locales';
import { MESSAGES } from '../../src/i18n/messages';
import { resolveLocale } from '../../src/i18n/resolve-locale';
import { messageTemplate, translate, translatePending } from '../../src/i18n/translate';

const messages = allMessages();
const ids = messages.map((message) => message.id);
const others = LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en');
const LOCALE_DIR = join(__dirname, '..', '..', 'src', 'i18n', 'locales');
/** ICU values ({name}), Scratch block arguments ([NAME]) and the board library's Python %s: all must survive translation. */
const placeholders = (text: string) =>
  [
    ...Array.from(text.matchAll(/\{\s*(\w+)\s*[,}]/g), (m) => `{${m[1]}}`),
    ...Array.from(text.matchAll(/\[([A-Z_]+)\]/g), (m) => `[${m[1]}]`),
    ...Array.from(text.matchAll(/%[sd]/g), (m) => m[0]),
  ].sort();
const hasHan = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('message catalogue', () => {
  test('there are messages to check', () => {
    expect(messages.length).toBeGreaterThan(30);
  });

  test('ids are unique and namespaced like scratch-vm\'s (mqtt.area.name)', () => {
    const seen = new Set<string>();
    const duplicates = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(duplicates).toEqual([]);
    expect(ids.filter((id) => !/^mqtt(\.[A-Za-z0-9]+)+$/.test(id))).toEqual([]);
  });

  test.each(messages.map((m) => [m.id, m] as const))('%s has English text and a description for translators', (_id, message) => {
    expect(message.default.trim()).not.toBe('');
    expect(message.description.trim().length).toBeGreaterThan(10);
    expect(hasHan(message.default)).toBe(false);
  });
});

describe.each(others)('locale file %s', (locale) => {
  const translations = translationsOf(locale);
  const file = readFileSync(join(LOCALE_DIR, `${locale}.json`), 'utf8');

  test('has every message (a missing one would show in English)', () => {
    expect(ids.filter((id) => !(id in translations))).toEqual([]);
  });

  test('has no id that no code defines (renamed or deleted messages are removed from it too)', () => {
    const known = new Set(ids);
    expect(Object.keys(translations).filter((id) => !known.has(id))).toEqual([]);
  });

  test('keeps every placeholder of the English text, and no other', () => {
    const differing = messages
      .filter((message) => message.id in translations)
      .filter((message) => placeholders(translations[message.id]).join() !== placeholders(message.default).join())
      .map((message) => `${message.id}: ${placeholders(message.default).join()} vs ${placeholders(translations[message.id]).join()}`);
    expect(differing).toEqual([]);
  });

  test('is sorted by id, two-space indented, so concurrent additions merge cleanly', () => {
    const sorted = Object.fromEntries(Object.entries(translations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(file).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
  });

  test('no text is empty', () => {
    expect(Object.entries(translations).filter(([, text]) => text.trim() === '').map(([id]) => id)).toEqual([]);
  });
});

describe('locale files', () => {
  test('every file in src/i18n/locales/ is registered in src/i18n/locales.ts (one line per language)', () => {
    const files = readdirSync(LOCALE_DIR).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...others].sort());
  });

  test('Simplified Chinese texts are Chinese (product names aside)', () => {
    const sameInChinese = new Set(['mqtt.docs.face.scratch', 'mqtt.page.board.tabMicropython']);
    const translations = translationsOf('zh-cn');
    expect(ids.filter((id) => id in translations && !sameInChinese.has(id) && !hasHan(translations[id]))).toEqual([]);
  });
});

describe('translate', () => {
  test.each(messages.map((m) => [m.id, m] as const))('%s renders in every locale with every value filled', (_id, message) => {
    const names = [...new Set(placeholders(message.default).filter((p) => p.startsWith('{')).map((p) => p.slice(1, -1)))];
    // A plural value must be a number: those messages are checked for their number, not word for word.
    const plural = (name: string) => new RegExp(`\\{\\s*${name}\\s*,\\s*(plural|selectordinal)`).test(message.default);
    const params = Object.fromEntries(names.map((name, i) => [name, plural(name) ? 400 + i : `VALUE${i}_${name}`]));
    for (const locale of LOCALES) {
      const text = translate(message, locale, params);
      for (const value of Object.values(params)) expect(text).toContain(String(value));
      expect(text).not.toMatch(/[{}]/);
      if (names.some(plural)) continue;
      // Everything outside the placeholders comes through unchanged (no quote is eaten as an ICU escape).
      let expected = messageTemplate(message, locale);
      for (const [name, value] of Object.entries(params)) expected = expected.split(`{${name}}`).join(String(value));
      expect(text).toBe(expected);
    }
  });

  test('fills values in the requested language', () => {
    const params = { port: '1883', host: '192.168.1.2', classroomUrl: 'ws://192.168.1.2:8000/mqtt' };
    expect(translate(MESSAGES.urlTcpPort, 'en', params)).toContain('Port 1883 is');
    expect(translate(MESSAGES.urlTcpPort, 'en', params)).toContain('ws://192.168.1.2:8000/mqtt');
    const zh = translate(MESSAGES.urlTcpPort, 'zh-cn', params);
    expect(zh).toContain('端口 1883');
    expect(zh).toContain('ws://192.168.1.2:8000/mqtt');
  });

  test('numbers are filled in too', () => {
    expect(translate(MESSAGES.connectTimeout, 'en', { url: 'ws://x/mqtt', seconds: 10 })).toContain('within 10 seconds');
  });

  test("apostrophes in messages survive (ICU would treat ' as a quote)", () => {
    expect(translate(MESSAGES.urlEmpty, 'en')).toBe(MESSAGES.urlEmpty.default);
    expect(translate(MESSAGES.urlEmpty, 'en')).toContain("broker's");
  });

  test('a value containing braces or quotes is inserted literally', () => {
    const text = translate(MESSAGES.topicWildcardInTopic, 'en', { topic: "it's {odd}/#" });
    expect(text).toContain(`"it's {odd}/#"`);
  });

  test('a pending message renders in whichever language is asked later', () => {
    const pending = { message: MESSAGES.refusedOther, params: { code: 7 } };
    expect(translatePending(pending, 'en')).toContain('(reason 7)');
    expect(translatePending(pending, 'zh-cn')).toContain('原因代码 7');
  });

  test('a message no locale file has yet shows its English text rather than an id', () => {
    const fresh = { id: 'mqtt.test.notTranslatedYet', default: 'Hello {name}.', description: 'test only' };
    expect(translate(fresh, 'zh-cn', { name: '小明' })).toBe('Hello 小明.');
  });
});

describe('resolveLocale: the one locale resolver', () => {
  test.each(['zh', 'zh-CN', 'zh-cn', 'zh_CN', 'ZH-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'zh_CN.UTF-8'])('%j → zh-cn', (tag) => {
    expect(resolveLocale(tag)).toBe('zh-cn');
  });

  // Traditional Chinese readers read Simplified far better than English (see resolve-locale.ts).
  test.each(['zh-TW', 'zh-tw', 'zh_TW', 'zh-Hant', 'zh-Hant-HK', 'zh-HK', 'zh-MO'])('%j (Traditional) → zh-cn while there is no zh-tw file', (tag) => {
    expect(resolveLocale(tag)).toBe('zh-cn');
  });

  test.each(['en', 'en-GB', 'en_US.UTF-8', 'fr', 'ja', 'zu', 'zhx', 'C', 'POSIX', '', '   ', undefined, null])('%j → en', (tag) => {
    expect(resolveLocale(tag)).toBe('en');
  });
});

describe('long values in messages', () => {
  test('a pasted megabyte is cut so the explanation stays readable', () => {
    const text = translate(MESSAGES.topicWildcardInTopic, 'en', { topic: `${'x'.repeat(1_000_000)}/#` });
    expect(text.length).toBeLessThan(300);
    expect(text).toContain('x…"');
    expect(text).toContain('which are only for subscribing');
  });

  test('a cut never splits a character made of two UTF-16 units', () => {
    const text = translate(MESSAGES.urlInvalid, 'en', { url: 'a'.repeat(79) + '😀'.repeat(50) });
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
