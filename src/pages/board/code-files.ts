/**
 * The files of one target's generated program, each in its own tab inside the code pane: main.py
 * first (the pupil's program), then the library it imports (mqtt_blocks.py). Built here rather
 * than in the HTML so a program without the library simply has one tab.
 */
import type { BoardProgram } from '../../generators/program';

export interface ProgramFile {
  readonly name: string;
  readonly text: string;
}

/** The files of a program in the order a pupil reads them. */
export function programFiles(program: BoardProgram): ProgramFile[] {
  return program.library === null ? [program.main] : [program.main, program.library];
}

export class CodeFiles {
  private readonly tabs: HTMLElement;
  private files: ProgramFile[] = [];
  private selected = 0;

  /** @param code the element that shows the selected file's text */
  constructor(
    private readonly pane: HTMLElement,
    private readonly code: HTMLElement,
    label: string,
  ) {
    this.tabs = document.createElement('div');
    this.tabs.className = 'file-tabs';
    this.tabs.setAttribute('role', 'tablist');
    this.tabs.setAttribute('aria-label', label);
    // At the top of the pane, under the target tabs: still reachable when the panel is short.
    pane.prepend(this.tabs);
  }

  setLabel(label: string): void {
    this.tabs.setAttribute('aria-label', label);
  }

  /** Shows a program's files (null: none, when the code cannot be made). main.py stays selected unless the same files come back. */
  show(program: BoardProgram | null): void {
    const names = (files: ProgramFile[]): string => files.map((file) => file.name).join('|');
    const files = program === null ? [] : programFiles(program);
    if (names(files) !== names(this.files)) this.selected = 0;
    this.files = files;
    this.render();
  }

  /** The file on screen (what Copy copies), or null. */
  current(): ProgramFile | null {
    return this.files[this.selected] ?? null;
  }

  all(): readonly ProgramFile[] {
    return this.files;
  }

  private render(): void {
    this.tabs.replaceChildren(
      ...this.files.map((file, index) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'file-tab';
        tab.setAttribute('role', 'tab');
        tab.dataset.file = file.name;
        tab.textContent = file.name;
        tab.setAttribute('aria-selected', String(index === this.selected));
        tab.tabIndex = index === this.selected ? 0 : -1;
        tab.addEventListener('click', () => {
          this.selected = index;
          this.render();
        });
        return tab;
      }),
    );
    this.tabs.hidden = this.files.length === 0;
    // textContent only: topics and messages typed by pupils are inside the code.
    this.code.textContent = this.current()?.text ?? '';
    this.pane.dataset.file = this.current()?.name ?? '';
  }
}
