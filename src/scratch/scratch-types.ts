/**
 * The slice of scratch-vm we use, typed. Works for vanilla scratch-vm and TurboWarp's fork; the
 * constants are the string values both use (`Scratch.BlockType.HAT === 'hat'` and so on).
 */

export const ScratchBlockType = { command: 'command', reporter: 'reporter', boolean: 'Boolean', hat: 'hat' } as const;
export const ScratchArgumentType = { string: 'string', number: 'number' } as const;

export interface ScratchBlocksContainer {
  getBlock(id: string): { opcode: string; inputs: Record<string, { block: string | null; shadow: string | null }>; fields: Record<string, { value: unknown }> } | undefined;
}

export interface ScratchTarget {
  readonly id: string;
  readonly blocks: ScratchBlocksContainer;
}

export interface ScratchThread {
  readonly topBlock: string;
  readonly target: ScratchTarget;
  readonly stack: unknown[];
  status: number;
  isKilled?: boolean;
  readonly stackClick: boolean;
}

export interface ScratchSequencer {
  stepThread(thread: ScratchThread): void;
  stepThreads(): unknown;
  readonly timer: { timeElapsed(): number };
}

export interface ScratchRuntime {
  readonly sequencer: ScratchSequencer;
  readonly currentStepTime: number;
  readonly redrawRequested: boolean;
  readonly turboMode: boolean;
  threads: ScratchThread[];
  _pushThread(topBlockId: string, target: ScratchTarget, opts?: { stackClick?: boolean }): ScratchThread;
  startHats(opcode: string, matchFields?: Record<string, string>, target?: ScratchTarget): unknown;
  allScriptsByOpcodeDo(opcode: string, visit: (script: { blockId: string }, target: ScratchTarget) => void): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
}

/** What Scratch passes a block function besides its arguments. */
export interface BlockUtility {
  readonly thread?: ScratchThread;
}

/** Thread.STATUS_DONE in scratch-vm and TurboWarp. */
export const THREAD_STATUS_DONE = 4;
