import { CATALOGUE, placeholdersOf, qualifiedOpcode, type BlockSpec } from '../../blocks';
import { LOCALES } from '../../src/i18n/locales';
import { textIn, translate } from '../../src/i18n/translate';

const byOpcode = CATALOGUE.map((block) => [block.opcode, block] as [string, BlockSpec]);

describe('block catalogue', () => {
  test('opcodes are unique and form valid Scratch opcodes', () => {
    const opcodes = CATALOGUE.map((b) => b.opcode);
    expect(new Set(opcodes).size).toBe(opcodes.length);
    for (const opcode of opcodes) {
      expect(opcode).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(qualifiedOpcode({ opcode })).toBe(`mqtt_${opcode}`);
    }
  });

  test.each(byOpcode)('%s has English and Chinese text with the same placeholders, once each', (_opcode, block) => {
    const en = placeholdersOf(block.text.default);
    for (const locale of LOCALES) {
      const text = translate(block.text, locale);
      expect(text.trim()).not.toBe('');
      const names = placeholdersOf(text);
      expect(new Set(names).size).toBe(names.length);
      expect([...names].sort()).toEqual([...en].sort());
      // Only [UPPER_CASE] brackets: a lower-case [x] would be shown literally.
      expect(text.replace(/\[[A-Z_]+\]/g, '')).not.toMatch(/[[\]]/);
    }
    expect(translate(block.text, 'zh-cn')).toMatch(/[\u4e00-\u9fff]/);
    expect(block.help.default.trim()).not.toBe('');
    expect(translate(block.help, 'zh-cn')).toMatch(/[\u4e00-\u9fff]/);
  });

  test.each(byOpcode)('%s: every placeholder has an argument and every argument a placeholder', (_opcode, block) => {
    expect(Object.keys(block.args).sort()).toEqual([...placeholdersOf(block.text.default)].sort());
  });

  test.each(byOpcode)('%s: menu defaults are menu values; text defaults exist in every locale', (_opcode, block) => {
    for (const [name, arg] of Object.entries(block.args)) {
      if (arg.kind === 'menu') {
        expect({ name, values: arg.menu.items.map((i) => i.value) }).toEqual({ name, values: expect.arrayContaining([arg.default]) });
        expect(arg.menu.name).toBe(name);
        const values = arg.menu.items.map((i) => i.value);
        expect(new Set(values).size).toBe(values.length);
        for (const item of arg.menu.items) for (const locale of LOCALES) expect(textIn(item.text ?? item.value, locale).trim()).not.toBe('');
      } else if (arg.kind === 'text') {
        for (const locale of LOCALES) {
          const value = textIn(arg.default, locale);
          expect(typeof value).toBe('string');
        }
      } else {
        expect(Number.isFinite(arg.default)).toBe(true);
      }
    }
  });

  test.each(byOpcode)('%s appears somewhere and, on boards, generates code for both targets', (_opcode, block) => {
    expect(block.faces.length).toBeGreaterThan(0);
    if (block.faces.includes('board')) {
      expect(typeof block.codegen?.micropython).toBe('function');
      expect(typeof block.codegen?.python).toBe('function');
    }
  });

  test('menus with the same name are the same list everywhere', () => {
    const seen = new Map<string, string>();
    for (const block of CATALOGUE) {
      for (const arg of Object.values(block.args)) {
        if (arg.kind !== 'menu') continue;
        const items = JSON.stringify(arg.menu.items);
        expect(seen.get(arg.menu.name) ?? items).toBe(items);
        seen.set(arg.menu.name, items);
      }
    }
    expect([...seen.keys()].sort()).toEqual(['QOS', 'RETAIN', 'STATE']);
  });
});
