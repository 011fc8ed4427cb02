/**
 * What a generator hands to the CLI, the board page, the simulator and the uploader: main.py and
 * the library it imports (or none), and the one-file form of the same program.
 */
import type * as Blockly from 'blockly/core';
import type { Target } from '../../blocks/codegen';
import type { Locale } from '../i18n/locales';
import type { BoardGenerator } from './board-generator';
import { LIBRARY_MODULE } from './library/exports';
import { libraryFor, methodsCalled, type LibraryFile } from './library/library';

export type { LibraryFile } from './library/library';

export interface BoardProgram {
  readonly target: Target;
  readonly locale: Locale;
  /** `main.py`: the pupil's program. */
  readonly main: { readonly name: string; readonly text: string };
  /** `mqtt_blocks.py`, to put beside main.py; null when main.py imports nothing from it. */
  readonly library: LibraryFile | null;
}

/** Runs a generator on a workspace: main.py in `locale`'s words, and its library. */
export function generateProgram(generator: BoardGenerator, workspace: Blockly.Workspace, locale: Locale): BoardProgram {
  generator.locale = locale;
  const main = generator.workspaceToCode(workspace);
  const usesLibrary = main.includes(`from ${LIBRARY_MODULE} import `);
  return {
    target: generator.target,
    locale,
    main: { name: 'main.py', text: main },
    library: usesLibrary ? libraryFor(generator.target, locale, [...generator.lastParts.library, ...methodsCalled(main), ...(usesLists(workspace) ? ['lists'] : [])]) : null,
  };
}

/** Lists only come from Blockly's list blocks: without them the library needs no list-as-text. */
function usesLists(workspace: Blockly.Workspace): boolean {
  return workspace.getAllBlocks(false).some((block) => block.type.startsWith('lists_'));
}

const IMPORT_LINE = new RegExp(`^from ${LIBRARY_MODULE} import .*\\n`, 'm');

/**
 * One file that runs as it is (for copy and paste): main.py's opening comment, the library, then
 * the rest of main.py without its `from mqtt_blocks import` line (the names are right there).
 */
export function selfContained(program: BoardProgram): string {
  if (program.library === null) return program.main.text;
  const text = program.main.text;
  const headerEnd = text.indexOf('\n\n');
  const header = headerEnd < 0 ? '' : text.slice(0, headerEnd);
  const rest = (headerEnd < 0 ? text : text.slice(headerEnd + 2)).replace(IMPORT_LINE, '');
  const rule = '# ' + '-'.repeat(60);
  return `${header}\n\n${rule}\n# ${program.library.name}\n${rule}\n${program.library.text.replace(/\n+$/, '')}\n\n\n${rule}\n# ${program.main.name}\n${rule}\n${rest}`;
}
