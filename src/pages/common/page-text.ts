/**
 * Puts a page's own texts (not Blockly's) into the DOM in one language. Elements name their text
 * with `data-text` (content), `data-placeholder`, `data-title` or `data-aria-label`, so the HTML
 * stays readable and switching language is one call.
 */
import type { Message } from '../../../blocks/types';
import { translate, type Locale } from '../../i18n/translate';

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
      const text = translate(message, locale);
      if (target === 'textContent') element.textContent = text;
      else element.setAttribute(target, text);
    }
  }
}
