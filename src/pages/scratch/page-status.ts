/**
 * The parts of the page around the editor: the loading line, the "not set up" explanation and
 * problem reports. All text is in the HTML in both languages; this only shows and hides it.
 */

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
