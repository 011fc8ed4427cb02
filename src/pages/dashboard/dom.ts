import type { Message } from '../../../blocks/types';
import { translate, type Locale } from '../../i18n/translate';

/**
 * The one way the dashboard makes elements: text goes in as textContent, never as HTML, because
 * topics, payloads and client ids are typed by pupils.
 */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** Sets text only when it changed: avoids layout work for the hundreds of labels updated each second. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttribute(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** A page's texts by the key its HTML names them with (`data-text="pageTitle"`). */
export type TextTable<K extends string> = Readonly<Record<K, Message>>;

const TEXT_ATTRIBUTES: ReadonlyArray<[dataName: string, target: string]> = [
  ['text', 'textContent'],
  ['placeholder', 'placeholder'],
  ['title', 'title'],
  ['ariaLabel', 'aria-label'],
];

/**
 * Puts texts named by `data-text`, `data-placeholder`, `data-title` or `data-aria-label` into the
 * DOM in one language. (The same as src/pages/common/page-text.ts once that takes i18n messages.)
 */
export function applyTexts<K extends string>(root: ParentNode, table: TextTable<K>, locale: Locale): void {
  for (const [dataName, target] of TEXT_ATTRIBUTES) {
    const selector = `[data-${dataName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const node of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
      const key = node.dataset[dataName] as K | undefined;
      const message = key !== undefined ? table[key] : undefined;
      // Unknown keys are left as written in the HTML (English), never blanked.
      if (message === undefined) continue;
      const text = translate(message, locale);
      if (target === 'textContent') setText(node, text);
      else setAttribute(node, target, text);
    }
  }
}
