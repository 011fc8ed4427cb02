/**
 * `mqtt-blocks … --help` speaks the terminal's language alone when the environment names one
 * (LANG=zh_CN.UTF-8 → Chinese only, LANG=en_US.UTF-8 → English only), and every language on one line
 * when it names none (unset, C, POSIX). Every command's description, arguments and options are
 * checked, so an option added with its help written inline in one language fails here.
 */
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main';
import { terminalLocale } from '../../src/i18n/terminal-text';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

interface HelpParts {
  /** Every piece of help our code writes: descriptions of the commands, their arguments and options. */
  texts: string[];
  /** The whole help of each command, as `--help` prints it. */
  pages: string[];
}

function helpUnder(env: Record<string, string | undefined>): HelpParts {
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  for (const [name, value] of Object.entries({ LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    const program = buildProgram();
    const commands: Command[] = [program, ...program.commands];
    return {
      texts: commands.flatMap((command) => [
        command.description(),
        ...command.registeredArguments.map((argument) => argument.description),
        ...command.options.map((option) => option.description),
      ]),
      pages: commands.map((command) => command.helpInformation()),
    };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('which language the terminal names', () => {
  test.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-cn'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-cn'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'zh-cn'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh-cn'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 'zh-cn'],
    [{ LANG: 'C.UTF-8' }, null],
    [{ LANG: 'C' }, null],
    [{ LANG: 'POSIX' }, null],
    [{ LANG: '' }, null],
    [{}, null],
  ])('%j → %s', (env, expected) => {
    expect(terminalLocale(env)).toBe(expected);
  });
});

describe('--help in the terminal language', () => {
  const english = helpUnder({ LANG: 'en_US.UTF-8' });
  const chinese = helpUnder({ LANG: 'zh_CN.UTF-8' });
  const unnamed = helpUnder({ LANG: 'C.UTF-8' });

  test('the same commands, arguments and options are described in each case', () => {
    expect(english.texts.length).toBeGreaterThan(30);
    expect(chinese.texts).toHaveLength(english.texts.length);
    expect(unnamed.texts).toHaveLength(english.texts.length);
  });

  test('under an English locale the help has no Chinese at all', () => {
    for (const page of english.pages) expect(page).not.toMatch(CJK);
    expect(english.pages[0]).toMatch(/^Usage: mqtt-blocks/);
  });

  test('under a Chinese locale every description is Chinese only', () => {
    chinese.texts.forEach((text, index) => {
      const inEnglish = english.texts[index] ?? '';
      expect({ text, chinese: CJK.test(text) }).toEqual({ text, chinese: true });
      expect(text).not.toContain(inEnglish);
      expect(text).not.toContain(' / ');
    });
    for (const page of chinese.pages) {
      expect(page).toMatch(/^用法：/);
      expect(page).not.toMatch(/Usage:|Options:|Commands:|Arguments:|\(default|display help|show this help/);
    }
  });

  test('with no language named (C locale, Windows) every text shows both languages on one line', () => {
    unnamed.texts.forEach((text, index) => {
      expect(text).toBe(`${english.texts[index]} / ${chinese.texts[index]}`);
    });
  });
});
