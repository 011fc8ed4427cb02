/**
 * The simulator console (role "log"): the program's own output as plain text, and the simulator's
 * notes (Wi-Fi connected, stopped, errors explained) in the page's language, re-rendered when the
 * language changes. Bounded: the oldest text goes first, so a program printing forever never grows
 * the page.
 */
import { translate, type Locale, type MessageParams } from '../../../i18n/translate';
import type { Message } from '../../../../blocks/types';

const MAX_CHARS = 100_000;

type Entry =
  | { kind: 'output'; tone: 'plain' | 'error'; node: HTMLElement }
  | { kind: 'traceback'; node: HTMLElement }
  | { kind: 'note'; node: HTMLElement; message: Message; params: MessageParams };

export class SimulatorConsole {
  private entries: Entry[] = [];
  private chars = 0;
  private readonly placeholder: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private locale: Locale,
    private readonly emptyText: Message,
  ) {
    this.placeholder = document.createElement('p');
    this.placeholder.className = 'simulator-empty';
    root.append(this.placeholder);
    this.renderPlaceholder();
  }

  clear(): void {
    for (const entry of this.entries) entry.node.remove();
    this.entries = [];
    this.chars = 0;
    this.renderPlaceholder();
  }

  /**
   * Program output; continues the last output line when there was no note in between. `error`: a
   * traceback the program printed itself (a hat's script failed and the program went on).
   */
  output(text: string, tone: 'plain' | 'error' = 'plain'): void {
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && last.kind === 'output' && last.tone === tone) last.node.append(text);
    else this.add({ kind: 'output', tone, node: this.node('span', tone === 'error' ? 'simulator-out simulator-traceback' : 'simulator-out', text) });
    this.grew(text.length);
  }

  traceback(text: string): void {
    this.add({ kind: 'traceback', node: this.node('span', 'simulator-traceback', text.endsWith('\n') ? text : `${text}\n`) });
    this.grew(text.length);
  }

  note(message: Message, params: MessageParams = {}, tone: 'info' | 'error' = 'info'): void {
    const node = this.node('span', `simulator-note simulator-note-${tone}`, '');
    this.add({ kind: 'note', node, message, params });
    this.renderNote(node, message, params);
    this.grew(node.textContent?.length ?? 0);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.renderPlaceholder();
    for (const entry of this.entries) if (entry.kind === 'note') this.renderNote(entry.node, entry.message, entry.params);
  }

  private renderPlaceholder(): void {
    this.placeholder.textContent = translate(this.emptyText, this.locale);
    this.placeholder.hidden = this.entries.length > 0;
  }

  private renderNote(node: HTMLElement, message: Message, params: MessageParams): void {
    // A note starts on its own line, whatever the program printed before it.
    const previous = node.previousSibling?.textContent ?? '\n';
    node.textContent = `${previous.endsWith('\n') || previous === '' ? '' : '\n'}${translate(message, this.locale, params)}\n`;
  }

  private node(tag: string, className: string, text: string): HTMLElement {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  private add(entry: Entry): void {
    this.entries.push(entry);
    this.root.append(entry.node);
    this.placeholder.hidden = true;
  }

  private grew(added: number): void {
    this.chars += added;
    while (this.chars > MAX_CHARS && this.entries.length > 1) {
      const first = this.entries.shift() as Entry;
      this.chars -= first.node.textContent?.length ?? 0;
      first.node.remove();
    }
    const only = this.entries[0];
    if (this.chars > MAX_CHARS && only !== undefined) {
      const text = only.node.textContent ?? '';
      only.node.textContent = text.slice(text.length - MAX_CHARS / 2);
      this.chars = only.node.textContent.length;
    }
    // Follow the output, as a serial monitor does.
    this.root.scrollTop = this.root.scrollHeight;
  }
}
