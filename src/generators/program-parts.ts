import type { HatTable, RuntimePart, Target } from '../../blocks/codegen';

/** What one generation run collects before the program is put together (see assemble.ts). */
export interface ProgramParts {
  readonly target: Target;
  readonly runtime: Set<RuntimePart>;
  /** Callback functions made from hat scripts, in workspace order. */
  readonly hatFunctions: string[];
  readonly hatTables: Record<HatTable, Array<{ key?: string; name: string }>>;
}

export function emptyProgram(target: Target): ProgramParts {
  return { target, runtime: new Set(), hatFunctions: [], hatTables: { message: [], connected: [], disconnected: [] } };
}
