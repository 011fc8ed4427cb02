/**
 * The Scratch page's "Board code" / "开发板代码" view: the open project as main.py for a board
 * (src/sb3), with the blocks a board cannot run listed in the pupil's language, downloads, and the
 * board page's USB / Wi-Fi upload panel for MicroPython boards.
 */
import type { Target } from '../../../blocks/codegen';
import { selfContained, type BoardProgram } from '../../generators/program';
import { CodegenError } from '../../generators/errors';
import { resolveLocale } from '../../i18n/resolve-locale';
import { translate, translatePending, type Locale } from '../../i18n/translate';
import { SB3_TEXT } from '../../sb3/messages';
import type { ScratchProject } from '../../sb3/project-types';
import { ProjectError, translateProject, type TranslateResult } from '../../sb3/translate';
import { downloadText } from '../common/browser-file';
import { UploadPanel } from '../board/upload/upload-panel';
import { BOARD_CODE_TEXT } from './board-code-text';

type TextKey = keyof typeof BOARD_CODE_TEXT;

const STYLE = `
#board-code-open { position: fixed; top: 8px; right: 12px; z-index: 1000; padding: 6px 14px; border: 0; border-radius: 6px;
  background: #0fbd8c; color: #fff; font: 600 14px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; cursor: pointer; }
#board-code { position: fixed; top: 48px; right: 12px; bottom: 12px; width: min(640px, 95vw); z-index: 1001; overflow: auto;
  background: #fff; border-radius: 10px; box-shadow: 0 4px 24px rgba(0,0,0,.25); padding: 16px 20px; color: #1f2933;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
#board-code pre { background: #f4f7fb; padding: 10px; border-radius: 6px; max-height: 45vh; overflow: auto; font-size: 12px; white-space: pre; }
#board-code .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
#board-code .problems { color: #b42318; }
`;

const HTML = `
<h2 data-board-code-text="heading"></h2>
<p data-board-code-text="intro"></p>
<div class="row">
  <label><span data-board-code-text="target"></span>
    <select id="board-code-target"><option value="micropython" data-board-code-text="targetMicropython"></option><option value="python" data-board-code-text="targetPython"></option></select></label>
  <label><span data-board-code-text="broker"></span> <input id="board-code-broker" size="28"></label>
</div>
<div class="row">
  <label><input type="checkbox" id="board-code-skip"> <span data-board-code-text="skip"></span></label>
  <button type="button" id="board-code-refresh" data-board-code-text="refresh"></button>
</div>
<div class="problems" id="board-code-problems" role="alert"></div>
<pre id="board-code-main" role="region" tabindex="0"></pre>
<div class="row">
  <button type="button" id="board-code-download-main" data-board-code-text="downloadMain"></button>
  <button type="button" id="board-code-download-library" data-board-code-text="downloadLibrary"></button>
  <button type="button" id="board-code-download-one" data-board-code-text="downloadOneFile"></button>
  <button type="button" id="board-code-close" data-board-code-text="close"></button>
</div>
<section id="board-code-upload"></section>
`;

export interface BoardCodeSource {
  /** The project as scratch-vm saves it (vm.toJSON()). */
  projectJson(): string;
  projectName(): string;
  /** The editor's language tag (vm.getLocale()). */
  editorLocale(): string;
}

function problemsText(result: TranslateResult, locale: Locale): string[] {
  const lines = result.unsupported.length === 0 ? [] : [translate(SB3_TEXT.unsupportedHeading, locale, { count: result.unsupported.length })];
  for (const u of result.unsupported) {
    lines.push(translate(SB3_TEXT.unsupportedLine, locale, { sprite: u.sprite, script: u.script(locale), block: u.block(locale), reason: translate(u.reason, locale) }));
  }
  if (result.unsupported.length > 0) lines.push(translate(result.program ? SB3_TEXT.unsupportedSkipped : BOARD_CODE_TEXT.skip, locale));
  for (const note of result.notes) lines.push(translatePending(note, locale));
  return lines;
}

export class BoardCodeView {
  private readonly panel: HTMLElement;
  private program: BoardProgram | null = null;
  private locale: Locale = 'en';
  private upload: UploadPanel | null = null;

  constructor(private readonly source: BoardCodeSource, boardBroker: string) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    document.head.append(style);
    const open = document.createElement('button');
    open.type = 'button';
    open.id = 'board-code-open';
    open.dataset.boardCodeText = 'open';
    this.panel = document.createElement('aside');
    this.panel.id = 'board-code';
    this.panel.setAttribute('role', 'dialog');
    this.panel.hidden = true;
    this.panel.innerHTML = HTML;
    document.body.append(open, this.panel);
    this.input('board-code-broker').value = boardBroker;
    open.addEventListener('click', () => this.show());
    this.element('board-code-close').addEventListener('click', () => (this.panel.hidden = true));
    this.element('board-code-refresh').addEventListener('click', () => this.generate());
    for (const id of ['board-code-target', 'board-code-skip', 'board-code-broker']) this.element(id).addEventListener('change', () => this.generate());
    this.element('board-code-download-main').addEventListener('click', () => this.program && downloadText('main.py', this.program.main.text, 'text/x-python'));
    this.element('board-code-download-library').addEventListener('click', () => this.program?.library && downloadText(this.program.library.name, this.program.library.text, 'text/x-python'));
    this.element('board-code-download-one').addEventListener('click', () => this.program && downloadText('main.py', selfContained(this.program), 'text/x-python'));
    this.applyTexts();
  }

  private element(id: string): HTMLElement {
    const found = document.getElementById(id);
    if (!found) throw new Error(`board code view lacks #${id}`);
    return found;
  }

  private input(id: string): HTMLInputElement {
    return this.element(id) as HTMLInputElement;
  }

  private text(key: TextKey): string {
    return translate(BOARD_CODE_TEXT[key], this.locale);
  }

  private applyTexts(): void {
    this.locale = resolveLocale(this.source.editorLocale());
    for (const node of document.querySelectorAll<HTMLElement>('[data-board-code-text]')) {
      node.textContent = this.text(node.dataset.boardCodeText as TextKey);
    }
    this.panel.setAttribute('aria-label', this.text('heading'));
    this.element('board-code-main').setAttribute('aria-label', this.text('codeLabel'));
    this.upload?.setLocale(this.locale);
  }

  show(): void {
    this.applyTexts();
    this.panel.hidden = false;
    this.generate();
  }

  private generate(): void {
    const target = (this.element('board-code-target') as HTMLSelectElement).value as Target;
    const problems = this.element('board-code-problems');
    const code = this.element('board-code-main');
    this.program = null;
    let lines: string[];
    try {
      const project = JSON.parse(this.source.projectJson()) as ScratchProject;
      const broker = this.input('board-code-broker').value.trim();
      const result = translateProject(project, {
        target,
        locale: this.locale,
        projectName: this.source.projectName(),
        skipUnsupported: this.input('board-code-skip').checked,
        broker: broker === '' ? undefined : broker,
      });
      this.program = result.program;
      lines = problemsText(result, this.locale);
    } catch (error) {
      const why =
        error instanceof ProjectError
          ? translate(error.problem, this.locale, error.params)
          : error instanceof CodegenError
            ? translatePending(error.problem, this.locale)
            : (error as Error).message;
      lines = [translate(BOARD_CODE_TEXT.problem, this.locale, { problem: why })];
    }
    problems.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
    code.textContent = this.program?.main.text ?? '';
    for (const id of ['board-code-download-main', 'board-code-download-library', 'board-code-download-one']) {
      (this.element(id) as HTMLButtonElement).disabled = this.program === null;
    }
    // USB and Wi-Fi upload put MicroPython on a board: the board page's own panel.
    const uploadRoot = this.element('board-code-upload');
    uploadRoot.hidden = target !== 'micropython';
    if (target === 'micropython' && this.upload === null) {
      this.upload = new UploadPanel(uploadRoot, this.locale, () => (this.program?.target === 'micropython' ? this.program : null));
    }
  }
}
