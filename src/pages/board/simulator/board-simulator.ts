/**
 * Puts the simulator on the board page: the program it runs is the page's MicroPython program
 * (main.py and its library, exactly as generated), and an error's block is highlighted in the editor.
 */
import type * as Blockly from 'blockly';
import type { Locale } from '../../../i18n/translate';
import { generateCode } from '../code-generation';
import { blockLineMap } from './line-map';
import type { ProgramFile } from './protocol';
import { SimulatorPanel } from './simulator-panel';

declare global {
  interface Window {
    /** For the browser tests and a teacher in DevTools: `runFiles([{ name: 'main.py', text }])`. Nothing in the page reads it. */
    mqttBlocksSimulator?: { runFiles(files: ProgramFile[]): Promise<void> };
  }
}

export function mountSimulator(root: HTMLElement, workspace: Blockly.WorkspaceSvg, locale: () => Locale): SimulatorPanel {
  let highlighted: string | null = null;
  const panel = new SimulatorPanel(root, locale(), {
    program() {
      const result = generateCode(workspace, 'micropython', locale());
      if (!result.ok) return { ok: false, reason: result.message };
      const { main, library } = result.program;
      const files: ProgramFile[] = [{ name: main.name, text: main.text }];
      if (library !== null) files.push({ name: library.name, text: library.text });
      // The map is made only when an error needs it (it generates the program once more).
      return { ok: true, files, lineMap: () => blockLineMap(workspace, locale(), main.text) };
    },
    highlight(blockId) {
      if (highlighted !== null && workspace.getBlockById(highlighted) !== null) workspace.highlightBlock(highlighted, false);
      highlighted = blockId;
      if (blockId === null || workspace.getBlockById(blockId) === null) return;
      workspace.highlightBlock(blockId, true);
      workspace.centerOnBlock(blockId);
    },
  });
  window.mqttBlocksSimulator = { runFiles: (files) => panel.runFiles(files) };
  return panel;
}
