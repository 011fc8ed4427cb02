/**
 * The board library a generated main.py imports: one Python module per target (`mqtt_blocks.py`),
 * made of the shared helpers (common.py) and the target's client (micropython.py or python.py),
 * with its texts in the pupil's language. `version` changes whenever the text does, so an uploader
 * can skip a library the board already has.
 */
import type { Target } from '../../../blocks/codegen';
import type { Message } from '../../../blocks/types';
import { translate, type Locale } from '../../i18n/translate';
import { pythonString } from '../python-literal';
import { LIBRARY_MODULE } from './exports';
import { LIBRARY_TEXTS, type LibraryText } from './library-texts';
import { PYTHON_SOURCES } from './python-sources';

export interface LibraryFile {
  /** `mqtt_blocks.py`: put it beside main.py (on a board: in its root folder or /lib). */
  readonly name: string;
  readonly text: string;
  /** A short fingerprint of `text` (same text, same version). */
  readonly version: string;
}

/** Where common.py goes in a target's file. */
export const COMMON_MARKER = '# (the helpers shared by both targets go here: common.py)';

function isMessageList(value: LibraryText): value is readonly Message[] {
  return Array.isArray(value);
}

/**
 * A list of texts is written as one string, its entries joined by this separator and picked with
 * `.split('|')[n]` (one string object on the board instead of a tuple of them: 128 B less for
 * the five refusal reasons). No entry may contain it (test/generators/library.test.ts).
 */
export const TEXT_LIST_SEPARATOR = '|';

/**
 * Entries of a text list that only some parts can pick (by position, so they keep their place):
 * without those parts an entry is written as '' (every byte of text is RAM on the board).
 */
const ENTRY_PARTS: Readonly<Record<string, ReadonlyArray<readonly string[] | null>>> = {
  // topic_problem: 2 and 3 are said only for a topic to publish to, 4 only for a filter.
  _T_TOPIC_PROBLEMS: [null, null, ['publish', 'set_last_will'], ['publish', 'set_last_will'], ['set_callback', 'subscribe']],
};

/** One `_T_NAME = ...` line in a locale (list entries only `keep`'s parts can pick are left empty). */
export function textLine(name: string, locale: Locale, keep?: ReadonlySet<string>): string {
  const value = LIBRARY_TEXTS[name];
  if (value === undefined) throw new Error(`library text ${name} is not in library-texts.ts`);
  const needed = (index: number): boolean => {
    const parts = ENTRY_PARTS[name]?.[index];
    return keep === undefined || parts === undefined || parts === null || parts.some((part) => keep.has(part));
  };
  const literal = isMessageList(value)
    ? pythonString(value.map((item, index) => (needed(index) ? translate(item, locale) : '')).join(TEXT_LIST_SEPARATOR))
    : pythonString(translate(value, locale));
  return `${name} = ${literal}`;
}

function withTexts(source: string, locale: Locale, keep: ReadonlySet<string>): string {
  return source.replace(/^(_T_[A-Z_]+) = .*$/gm, (_line, name: string) => textLine(name, locale, keep));
}

/**
 * The client's methods that are optional parts of the MicroPython library (`# part: NAME` above the
 * method, its texts and the helpers only it uses): main.py calls them as `client.NAME(...)`.
 */
export const METHOD_PARTS = ['publish', 'subscribe', 'unsubscribe', 'set_callback', 'set_last_will', 'when_connected', 'when_disconnected'] as const;

/**
 * Optional parts of the library (`# part: NAME` above a def or a statement): left out when main.py
 * does not use them. Besides the imports and client methods:
 * - `lists`: lists as message text (only with Blockly's list blocks);
 * - `computed_topic`: checking a topic made by other blocks on the board, with the texts that
 *   explain the problem (a typed topic was already checked when generating).
 */
export type LibraryPart = 'json_value' | 'connect_url' | 'wifi_connect' | 'wait' | 'lists' | 'computed_topic' | (typeof METHOD_PARTS)[number];
export const LIBRARY_PARTS: readonly LibraryPart[] = ['json_value', 'connect_url', 'wifi_connect', 'wait', 'lists', 'computed_topic', ...METHOD_PARTS];

/** Parts a Raspberry Pi's library always keeps: main.py speaks paho's words there, and a Pi has RAM to spare. */
const ALWAYS_ON_A_PI: readonly LibraryPart[] = [...METHOD_PARTS, 'lists', 'computed_topic'];

/** The client methods a main.py calls (`client.publish(...)`): each is a part of the library it needs. */
export function methodsCalled(main: string): string[] {
  return [...main.matchAll(/\bclient\.(\w+)\(/g)].map((call) => call[1]);
}

/**
 * Drops each `# part: NAME` def whose NAME is not in `keep`: every byte of the library is RAM on
 * the board, and most programs use no JSON, no computed broker address, no wait.
 */
function withoutUnusedParts(source: string, keep: ReadonlySet<string>): string {
  const lines = source.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // `# part: A B`: kept when main.py uses A or B.
    const marker = /^(\s*)# part: (\w+(?: \w+)*)$/.exec(lines[i]);
    if (!marker) {
      out.push(lines[i]);
      continue;
    }
    if (marker[2].split(' ').some((part) => keep.has(part))) continue; // the marker itself is not needed in a board's copy
    const indent = marker[1].length;
    i += 1; // the def line
    while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].length - lines[i + 1].trimStart().length > indent)) i++;
    // The gap after the part is kept (it separates what came before from what comes next), the one before it goes.
    while (lines[i].trim() === '') i--;
    while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  }
  return out.join('\n').replace(/\n{3,}(?=\S)/g, (gap, offset: number, text: string) => (/^ /.test(text.slice(offset + gap.length)) ? '\n\n' : '\n\n\n'));
}

/** FNV-1a (32 bits) twice with different seeds: a fingerprint, not a security measure. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const cache = new Map<string, LibraryFile>();

/** The library for a target in a language, with only the optional `parts` main.py uses (all by default). */
export function libraryFor(target: Target, locale: Locale, parts: Iterable<string> = LIBRARY_PARTS): LibraryFile {
  const keep = new Set([...parts].filter((part) => (LIBRARY_PARTS as readonly string[]).includes(part)));
  if (target === 'python') for (const part of ALWAYS_ON_A_PI) keep.add(part);
  const key = `${target}:${locale}:${[...keep].sort().join(',')}`;
  let file = cache.get(key);
  if (file === undefined) {
    const source = PYTHON_SOURCES[target];
    if (!source.includes(COMMON_MARKER)) throw new Error(`${target}.py has no line ${COMMON_MARKER}`);
    const common = PYTHON_SOURCES.common.replace(/\n+$/, '');
    const text = withTexts(withoutUnusedParts(source.replace(COMMON_MARKER, () => `${common}\n`), keep), locale, keep);
    file = { name: `${LIBRARY_MODULE}.py`, text, version: fingerprint(text) };
    cache.set(key, file);
  }
  return file;
}
