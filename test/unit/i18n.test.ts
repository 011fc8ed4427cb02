import { MESSAGES, type MessageId } from '../../src/i18n/messages';
import { pickLocale, translate } from '../../src/i18n/translate';
import { LOCALES } from '../../blocks/types';

const ids = Object.keys(MESSAGES) as MessageId[];
const placeholders = (text: string) => Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();
const hasHan = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('messages', () => {
  test('there are messages to check', () => {
    expect(ids.length).toBeGreaterThan(10);
  });

  test.each(ids)('%s has non-empty English and Chinese text with the same placeholders', (id) => {
    const { en, 'zh-cn': zh } = MESSAGES[id];
    expect(en.trim()).not.toBe('');
    expect(zh.trim()).not.toBe('');
    expect(hasHan(zh)).toBe(true);
    expect(hasHan(en)).toBe(false);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  test.each(ids)('%s renders in every locale with every placeholder filled', (id) => {
    const names = [...new Set(placeholders(MESSAGES[id].en))];
    const params = Object.fromEntries(names.map((name, i) => [name, `VALUE${i}_${name}`]));
    for (const locale of LOCALES) {
      const text = translate({ id, params }, locale);
      for (const value of Object.values(params)) expect(text).toContain(value);
      expect(text).not.toMatch(/[{}]/);
      // Everything outside the placeholders comes through unchanged (no quote is eaten as an ICU escape).
      let expected: string = MESSAGES[id][locale];
      for (const [name, value] of Object.entries(params)) expected = expected.split(`{${name}}`).join(value);
      expect(text).toBe(expected);
    }
  });
});

describe('translate', () => {
  test('fills values in the requested language', () => {
    expect(translate({ id: 'urlTcpPort', params: { port: '1883', host: '192.168.1.2' } }, 'en')).toContain(
      'Port 1883 is',
    );
    const en = translate({ id: 'urlTcpPort', params: { port: '1883', host: '192.168.1.2' } }, 'en');
    expect(en).toContain('ws://192.168.1.2:8000/mqtt');
    const zh = translate({ id: 'urlTcpPort', params: { port: '1883', host: '192.168.1.2' } }, 'zh-cn');
    expect(zh).toContain('端口 1883');
    expect(zh).toContain('ws://192.168.1.2:8000/mqtt');
  });

  test('numbers are filled in too', () => {
    expect(translate({ id: 'connectTimeout', params: { url: 'ws://x/mqtt', seconds: 10 } }, 'en')).toContain(
      'within 10 seconds',
    );
  });

  test("apostrophes in messages survive (ICU would treat ' as a quote)", () => {
    expect(translate({ id: 'urlEmpty' }, 'en')).toBe(MESSAGES.urlEmpty.en);
    expect(translate({ id: 'urlEmpty' }, 'en')).toContain("broker's");
  });

  test('a value containing braces or quotes is inserted literally', () => {
    const text = translate({ id: 'topicWildcardInTopic', params: { topic: "it's {odd}/#" } }, 'en');
    expect(text).toContain(`"it's {odd}/#"`);
  });
});

describe('pickLocale', () => {
  test.each(['zh-cn', 'zh-CN', 'zh', 'zh-tw', 'zh-TW', 'zh_TW', 'zh_CN', 'ZH-CN', 'zh-Hans', 'zh-Hant-HK'])(
    '%j → zh-cn',
    (editorLocale) => {
      expect(pickLocale(editorLocale)).toBe('zh-cn');
    },
  );

  test.each(['en', 'en-GB', 'fr', 'ja', 'zu', 'zhx', '', undefined, null])('%j → en', (editorLocale) => {
    expect(pickLocale(editorLocale)).toBe('en');
  });
});

describe('long values in messages', () => {
  test('a pasted megabyte is cut so the explanation stays readable', () => {
    const text = translate({ id: 'topicWildcardInTopic', params: { topic: `${'x'.repeat(1_000_000)}/#` } }, 'en');
    expect(text.length).toBeLessThan(300);
    expect(text).toContain('x…"');
    expect(text).toContain('which are only for subscribing');
  });

  test('a cut never splits a character made of two UTF-16 units', () => {
    const text = translate({ id: 'urlInvalid', params: { url: 'a'.repeat(79) + '😀'.repeat(50) } }, 'en');
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
