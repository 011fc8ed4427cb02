import type { HatTable, RuntimePart, Target } from '../../blocks/codegen';

/** What one generation run collects before main.py is put together (see assemble.ts). */
export interface ProgramParts {
  readonly target: Target;
  /** What main.py uses from the library. */
  readonly library: Set<RuntimePart>;
  /** Functions made from hat scripts, in workspace order. */
  readonly hatFunctions: string[];
  readonly hatTables: Record<HatTable, Array<{ key?: string; name: string }>>;
}

export function emptyProgram(target: Target): ProgramParts {
  return { target, library: new Set(), hatFunctions: [], hatTables: { message: [], connected: [], disconnected: [] } };
}
