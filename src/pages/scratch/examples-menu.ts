/**
 * The Scratch page's "Examples" / "示例" menu: the lesson pack's projects (src/server/pages/examples/,
 * served at /examples/), opened in the editor with one click. Each is an ordinary .sb3 file that
 * teachers can also download and share.
 */
import { resolveLocale } from '../../i18n/resolve-locale';
import { translate, type Locale, type Message } from '../../i18n/translate';
import { EXAMPLES_TEXT } from '../common/examples-text';

export const EXAMPLES: ReadonlyArray<{ file: string; title: Message }> = [
  { file: 'seed-lesson-board.sb3', title: EXAMPLES_TEXT.exampleBoard },
  { file: 'seed-lesson-pi.sb3', title: EXAMPLES_TEXT.examplePi },
  { file: 'seed-lesson-stage.sb3', title: EXAMPLES_TEXT.exampleStage },
];

const STYLE = `
#examples-open { position: fixed; top: 8px; right: 130px; z-index: 1000; padding: 6px 14px; border: 0; border-radius: 6px;
  background: #855cd6; color: #fff; font: 600 14px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; cursor: pointer; }
#examples { position: fixed; top: 48px; right: 130px; z-index: 1001; background: #fff; border-radius: 10px; padding: 12px 16px;
  box-shadow: 0 4px 24px rgba(0,0,0,.25); font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
#examples button { display: block; margin: 6px 0; text-align: left; }
`;

export interface ExampleTarget {
  loadProject(project: ArrayBuffer): Promise<void>;
  editorLocale(): string;
}

export class ExamplesMenu {
  private readonly open: HTMLButtonElement;
  private readonly list: HTMLElement;

  constructor(private readonly target: ExampleTarget) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.append(style);
    this.open = Object.assign(document.createElement('button'), { type: 'button', id: 'examples-open' });
    this.list = Object.assign(document.createElement('div'), { id: 'examples', hidden: true });
    this.list.setAttribute('role', 'dialog');
    document.body.append(this.open, this.list);
    this.open.addEventListener('click', () => {
      this.render();
      this.list.hidden = !this.list.hidden;
    });
    this.render();
  }

  private locale(): Locale {
    return resolveLocale(this.target.editorLocale());
  }

  private render(): void {
    const locale = this.locale();
    this.open.textContent = translate(EXAMPLES_TEXT.examples, locale);
    this.list.setAttribute('aria-label', translate(EXAMPLES_TEXT.examples, locale));
    const heading = Object.assign(document.createElement('h3'), { textContent: translate(EXAMPLES_TEXT.examplesHeading, locale) });
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    const buttons = EXAMPLES.map((example) => {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: translate(example.title, locale) });
      button.addEventListener('click', () => void this.load(example.file, status, locale));
      return button;
    });
    this.list.replaceChildren(heading, ...buttons, status);
  }

  private async load(file: string, status: HTMLElement, locale: Locale): Promise<void> {
    try {
      const response = await fetch(`/examples/${file}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${response.status}`);
      await this.target.loadProject(await response.arrayBuffer());
      this.list.hidden = true;
    } catch (error) {
      status.textContent = translate(EXAMPLES_TEXT.exampleFailed, locale, { detail: (error as Error).message });
    }
  }
}
