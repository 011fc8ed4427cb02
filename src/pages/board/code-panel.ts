/**
 * The generated-code panel: one tab per target, and inside it one tab per file (main.py first,
 * then the library mqtt_blocks.py), the code as plain text, Copy (the file on screen) and Download
 * (every file of the program). When a target cannot be generated its tab shows why instead of
 * stale code, and Copy/Download are disabled, so a pupil never flashes an old program by mistake.
 */
import type { Target } from '../../../blocks/codegen';
import type { Message } from '../../../blocks/types';
import { translate, translatePending, type Locale } from '../../i18n/translate';
import { copyText, downloadText } from '../common/browser-file';
import { BOARD_MESSAGES, BOARD_TEXT } from './board-text';
import { CodeFiles } from './code-files';
import type { CodeResult } from './code-generation';

interface Pane {
  tab: HTMLButtonElement;
  pane: HTMLElement;
  files: CodeFiles;
  error: HTMLElement;
  errorText: HTMLElement;
  result: CodeResult | null;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (found === null) throw new Error(`Board page is missing ${selector}`);
  return found;
}

export class CodePanel {
  private readonly panes = new Map<Target, Pane>();
  private readonly copyButton: HTMLButtonElement;
  private readonly downloadButton: HTMLButtonElement;
  private readonly copyStatus: HTMLElement;
  private copyStatusTimer: ReturnType<typeof setTimeout> | undefined;
  private selected: Target;
  private locale: Locale;

  constructor(root: HTMLElement, targets: readonly Target[], locale: Locale) {
    this.locale = locale;
    this.selected = targets[0];
    for (const target of targets) {
      const pane = required<HTMLElement>(root, `.code-pane[data-target="${target}"]`);
      const tab = required<HTMLButtonElement>(root, `[role="tab"][data-target="${target}"]`);
      tab.addEventListener('click', () => this.select(target));
      this.panes.set(target, {
        tab,
        pane,
        files: new CodeFiles(pane, required(pane, '.code-output code'), translate(BOARD_TEXT.fileTabs, locale)),
        error: required(pane, '.code-error'),
        errorText: required(pane, '.code-error-text'),
        result: null,
      });
    }
    this.copyButton = required(root, '#copy-code');
    this.downloadButton = required(root, '#download-code');
    this.copyStatus = required(root, '#copy-status');
    this.copyButton.addEventListener('click', () => void this.copy());
    this.downloadButton.addEventListener('click', () => this.download());
    this.select(this.selected);
  }

  show(target: Target, result: CodeResult): void {
    const pane = this.panes.get(target);
    if (pane === undefined) return;
    pane.result = result;
    this.render(pane);
    this.updateButtons();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    for (const pane of this.panes.values()) {
      pane.files.setLabel(translate(BOARD_TEXT.fileTabs, locale));
      this.render(pane);
    }
  }

  private select(target: Target): void {
    this.selected = target;
    for (const [paneTarget, pane] of this.panes) {
      const active = paneTarget === target;
      pane.tab.setAttribute('aria-selected', String(active));
      pane.tab.tabIndex = active ? 0 : -1;
      pane.pane.hidden = !active;
    }
    this.updateButtons();
  }

  private render(pane: Pane): void {
    const result = pane.result;
    if (result === null) return;
    pane.files.show(result.ok ? result.program : null);
    pane.error.hidden = result.ok;
    pane.errorText.textContent = result.ok ? '' : translatePending(result.message, this.locale);
    pane.pane.classList.toggle('has-error', !result.ok);
  }

  /** The file on screen in the selected target, or null when that target has no code. */
  private currentCode(): string | null {
    const pane = this.panes.get(this.selected);
    return pane?.result?.ok ? (pane.files.current()?.text ?? null) : null;
  }

  private updateButtons(): void {
    const unavailable = this.currentCode() === null;
    this.copyButton.disabled = unavailable;
    this.downloadButton.disabled = unavailable;
  }

  private async copy(): Promise<void> {
    const code = this.currentCode();
    if (code === null) return;
    this.flash((await copyText(code)) ? BOARD_MESSAGES.copied : BOARD_MESSAGES.copyFailed);
  }

  /** Every file of the program: main.py and, when it imports it, the library beside it. */
  private download(): void {
    const pane = this.panes.get(this.selected);
    if (!pane?.result?.ok) return;
    for (const file of pane.files.all()) downloadText(file.name, file.text, 'text/x-python;charset=utf-8');
  }

  private flash(message: Message): void {
    this.copyStatus.textContent = translate(message, this.locale);
    clearTimeout(this.copyStatusTimer);
    this.copyStatusTimer = setTimeout(() => {
      this.copyStatus.textContent = '';
    }, 3000);
  }
}
