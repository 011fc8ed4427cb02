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

const MARKER = '# @@simulator-block ';
const MARKER_LINE = /^(\s*)# @@simulator-block '(.*)'$/;

let markingGenerator: BoardGenerator | null = null;

/** Line number (1-based) of main.py → block id; lines outside any block are absent. */
export type LineMap = ReadonlyMap<number, string>;

export function lineMapFromMarked(marked: string, plain: string): LineMap | null {
  const map = new Map<number, string>();
  const kept: string[] = [];
  let current: { id: string; indent: number } | null = null;
  for (const line of marked.split('\n')) {
    const marker = MARKER_LINE.exec(line);
    if (marker !== null) {
      current = { id: marker[2], indent: (marker[1]).length };
      continue;
    }
    kept.push(line);
    const indent = line.length - line.trimStart().length;
    // A line less indented than its marker is past that statement (an `except:` of the main program...).
    if (current !== null && line.trim() !== '' && indent < current.indent) current = null;
    if (current !== null) map.set(kept.length, current.id);
  }
  return kept.join('\n') === plain ? map : null;
}

export function blockLineMap(workspace: Blockly.Workspace, locale: Locale, mainText: string): LineMap | null {
  try {
    if (markingGenerator === null) {
      markingGenerator = new BoardGenerator('micropython');
      markingGenerator.STATEMENT_PREFIX = `${MARKER}%1\n`;
    }
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
