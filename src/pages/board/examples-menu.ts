/**
 * The board page's "Examples" / "示例" menu: the lesson pack's board programs
 * (src/server/pages/examples/*.json, served at /examples/), opened like a file the pupil chose.
 */
import { translate, type Locale, type Message, type PendingMessage } from '../../i18n/translate';
import { EXAMPLES_TEXT } from '../common/examples-text';

export const BOARD_EXAMPLES: ReadonlyArray<{ file: string; title: Message }> = [
  { file: 'seed-lesson-board.json', title: EXAMPLES_TEXT.exampleBoard },
  { file: 'seed-lesson-pi.json', title: EXAMPLES_TEXT.examplePi },
];

export class BoardExamplesMenu {
  private readonly button: HTMLButtonElement;
  private readonly list: HTMLElement;

  constructor(
    after: HTMLElement,
    private locale: Locale,
    /** Opens the file as if the pupil had chosen it with "Open" (same checks, same notices). */
    private readonly open: (file: File) => Promise<void>,
    private readonly failed: (problem: PendingMessage) => void,
  ) {
    this.button = Object.assign(document.createElement('button'), { type: 'button', className: 'button', id: 'examples-button' });
    this.button.setAttribute('aria-haspopup', 'true');
    this.list = Object.assign(document.createElement('div'), { id: 'examples-list', hidden: true });
    this.list.setAttribute('role', 'group');
    this.list.style.cssText = 'position:absolute;z-index:50;background:#fff;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:8px 12px;';
    after.after(this.button, this.list);
    this.button.addEventListener('click', () => {
      this.list.hidden = !this.list.hidden;
    });
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  private render(): void {
    this.button.textContent = translate(EXAMPLES_TEXT.examples, this.locale);
    this.list.setAttribute('aria-label', translate(EXAMPLES_TEXT.examplesHeading, this.locale));
    const heading = Object.assign(document.createElement('p'), { textContent: translate(EXAMPLES_TEXT.examplesHeading, this.locale) });
    const items = BOARD_EXAMPLES.map((example) => {
      const item = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: translate(example.title, this.locale) });
      item.style.cssText = 'display:block;margin:6px 0;text-align:left;';
      item.addEventListener('click', () => void this.choose(example.file));
      return item;
    });
    this.list.replaceChildren(heading, ...items);
  }

  private async choose(file: string): Promise<void> {
    this.list.hidden = true;
    try {
      const response = await fetch(`/examples/${file}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${response.status}`);
      await this.open(new File([await response.text()], file, { type: 'application/json' }));
    } catch (error) {
      this.failed({ message: EXAMPLES_TEXT.exampleFailed, params: { detail: (error as Error).message } });
    }
  }
}
