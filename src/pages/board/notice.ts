/**
 * The page's message bar (file opened, file refused, autosave problems). Keeps the message
 * unrendered so it follows a language switch; errors stay until closed, news fades.
 */
import { translatePending, type Locale, type PendingMessage } from '../../i18n/translate';

export type NoticeKind = 'info' | 'error';

export class Notice {
  private message: PendingMessage | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly text: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private locale: Locale,
  ) {
    this.text = root.querySelector<HTMLElement>('.notice-text') ?? root;
    root.querySelector('.notice-close')?.addEventListener('click', () => this.hide());
  }

  show(message: PendingMessage, kind: NoticeKind): void {
    this.message = message;
    this.root.dataset.kind = kind;
    this.root.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    this.root.hidden = false;
    this.render();
    clearTimeout(this.timer);
    if (kind === 'info') this.timer = setTimeout(() => this.hide(), 6000);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.message = null;
    this.root.hidden = true;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  private render(): void {
    if (this.message !== null) this.text.textContent = translatePending(this.message, this.locale);
  }
}
