/**
 * Puts a page's own texts (not Blockly's) into the DOM in one language. Elements name their text
 * with `data-text` (content), `data-placeholder`, `data-title` or `data-aria-label`, so the HTML
 * stays readable (in English, what shows before the script runs) and switching language is one call.
 *
 * Markup inside a sentence (a command in <code>, a link) stays markup: a child marked
 * `data-slot="name"` of a `data-text` element takes the place of `{name}` in the message, wherever
 * the language puts it.
 */
import type { Message } from '../../../blocks/types';
import { translate, type Locale } from '../../i18n/translate';
import { COMMON_PAGE_TEXT } from './common-text';
import { htmlLang } from './locale-choice';

/** A page's texts by the key its HTML names them with. */
export type TextTable<K extends string> = Readonly<Record<K, Message>>;

const ATTRIBUTES: ReadonlyArray<[dataName: string, target: string /* 'textContent' or an attribute name */]> = [
  ['text', 'textContent'],
  ['placeholder', 'placeholder'],
  ['title', 'title'],
  ['ariaLabel', 'aria-label'],
];

export function applyTexts<K extends string>(root: ParentNode, table: TextTable<K>, locale: Locale): void {
  for (const [dataName, target] of ATTRIBUTES) {
    const selector = `[data-${dataName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const element of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
      const key = element.dataset[dataName] as K | undefined;
      const message = key !== undefined ? table[key] : undefined;
      // Unknown keys are left as written in the HTML (English), never blanked.
      if (message === undefined) continue;
      if (target === 'textContent') fillText(element, message, locale);
      else element.setAttribute(target, translate(message, locale));
    }
  }
}

/** Marks a slot's place in the rendered text; a private-use character no message contains. */
const SLOT_MARK = '\uE000';

function fillText(element: HTMLElement, message: Message, locale: Locale): void {
  const slots = new Map<string, Element>();
  for (const child of Array.from(element.children)) {
    const name = child instanceof HTMLElement ? child.dataset.slot : undefined;
    if (name !== undefined) slots.set(name, child);
  }
  if (slots.size === 0) {
    element.textContent = translate(message, locale);
    return;
  }
  const marks = Object.fromEntries([...slots.keys()].map((name) => [name, `${SLOT_MARK}${name}${SLOT_MARK}`]));
  // Text, slot name, text, slot name, …: the slot elements themselves (with their content) are reused.
  const parts = translate(message, locale, marks).split(SLOT_MARK);
  element.replaceChildren(...parts.map((part, index) => (index % 2 === 1 ? (slots.get(part) ?? part) : part)));
}

/**
 * A whole page in one language: `<html lang>` (so Chinese gets Chinese glyphs), the tab's title,
 * the texts every page shares (language switch, close buttons) and the page's own table.
 */
export function applyPageTexts<K extends string>(table: TextTable<K>, title: Message, locale: Locale): void {
  document.documentElement.lang = htmlLang(locale);
  document.title = translate(title, locale);
  applyTexts(document.body, COMMON_PAGE_TEXT, locale);
  applyTexts(document.body, table, locale);
}
