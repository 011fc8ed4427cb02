/**
 * The parts of the page around the editor: the loading line, the "not set up" explanation and
 * problem reports, in the pupil's language (the one last chosen on any of our pages, else the
 * browser's). The HTML holds their English; `showPageTexts` puts them into that language.
 */
import { initialLocale } from '../common/locale-choice';
import { applyPageTexts } from '../common/page-text';
import { SCRATCH_PAGE_TEXT } from './scratch-page-text';

/** Run first: the loading line is on screen while the editor's 17 MB load. */
export function showPageTexts(): void {
  applyPageTexts(SCRATCH_PAGE_TEXT, SCRATCH_PAGE_TEXT.pageTitle, initialLocale());
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the Scratch page lacks #${id}`);
  return element;
}

export function editorContainer(): HTMLElement {
  return byId('editor');
}

export function showEditor(): void {
  byId('status').hidden = true;
  byId('editor').hidden = false;
}

/** The editor files are missing on the server: say how to set them up and what works meanwhile. */
export function showNotSetUp(): void {
  byId('status').hidden = true;
  const panel = byId('not-set-up');
  for (const slot of panel.querySelectorAll<HTMLElement>('[data-extension-url]')) slot.textContent = `${location.origin}/mqtt-blocks.js`;
  panel.hidden = false;
}

export function showProblem(error: Error): void {
  byId('status').hidden = true;
  byId('problem-detail').textContent = error.message;
  byId('problem').hidden = false;
}
