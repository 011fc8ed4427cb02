/**
 * Which block made each line of main.py, so an error's line number can highlight its block. The
 * program is generated a second time with a marker comment before every statement (Blockly's
 * STATEMENT_PREFIX); with the markers taken out it must be exactly the program that runs, or no
 * map is made (a wrong highlight is worse than none).
 */
import type * as Blockly from 'blockly';
import type { Locale } from '../../../i18n/locales';
import { BoardGenerator } from '../../../generators/board-generator';
import { generateProgram } from '../../../generators/program';

const PREFIX = '# @@simulator-block %1\n';
const MARKER_LINE = /^(\s*)# @@simulator-block '(.*)'$/;
/** Marks the end of the main program's blocks: the listening loop after them is no block's. */
const NO_BLOCK = "# @@simulator-block ''\n";

/**
 * The board generator with a marker before every statement. A block whose own code is empty (a hat:
 * its script becomes a function) gets none: alone, its marker would be a statement of the main
 * program, and the marked program would no longer match the one that runs.
 */
class MarkingGenerator extends BoardGenerator {
  constructor() {
    super('micropython');
    this.STATEMENT_PREFIX = PREFIX;
  }

  override scrub_(block: Blockly.Block, code: string, thisOnly?: boolean): string {
    return super.scrub_(block, code === this.injectId(PREFIX, block) ? '' : code, thisOnly);
  }

  override finish(code: string): string {
    return super.finish(code.trim() === '' ? code : code + NO_BLOCK);
  }
}

let markingGenerator: MarkingGenerator | null = null;

/** Line number (1-based) of main.py → block id; lines outside any block are absent. */
export type LineMap = ReadonlyMap<number, string>;

export function lineMapFromMarked(marked: string, plain: string): LineMap | null {
  const map = new Map<number, string>();
  const kept: string[] = [];
  let current: { id: string; indent: number } | null = null;
  for (const line of marked.split('\n')) {
    const marker = MARKER_LINE.exec(line);
    if (marker !== null) {
      current = { id: marker[2], indent: marker[1].length };
      continue;
    }
    kept.push(line);
    const indent = line.length - line.trimStart().length;
    // A line less indented than its marker is past that statement (an `except:` of the main program...).
    if (current !== null && line.trim() !== '' && indent < current.indent) current = null;
    if (current !== null && current.id !== '') map.set(kept.length, current.id);
  }
  return kept.join('\n') === plain ? map : null;
}

export function blockLineMap(workspace: Blockly.Workspace, locale: Locale, mainText: string): LineMap | null {
  try {
    markingGenerator ??= new MarkingGenerator();
    return lineMapFromMarked(generateProgram(markingGenerator, workspace, locale).main.text, mainText);
  } catch {
    return null;
  }
}

/** The innermost main.py line of a MicroPython traceback. */
export function mainPyLine(traceback: string): number | null {
  let line: number | null = null;
  for (const match of traceback.matchAll(/File "main\.py", line (\d+)/g)) line = Number(match[1]);
  return line;
}
