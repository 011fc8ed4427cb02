/** Messages between the page and the simulator's worker (structured clone, both directions). */

/** A file of the program, written into the simulated board's filesystem root. */
export interface ProgramFile {
  name: string;
  text: string;
}

export type ToWorker =
  | { type: 'boot'; memory: SharedArrayBuffer; moduleUrl: string; wasmUrl: string }
  | { type: 'run'; files: ProgramFile[]; uniqueIdHex: string };

/** How a run ended, or something the page shows between the program's own output. */
export type BoardEvent =
  | { kind: 'wifi'; ssid: string }
  | { kind: 'finished' }
  | { kind: 'stopped' }
  | { kind: 'reset' }
  | { kind: 'error'; traceback: string }
  | { kind: 'missing'; name: string; traceback: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'bootFailed'; detail: string }
  | { type: 'call'; op: string; args: unknown }
  /** `at`: the output ring's write position when it happened, so the page keeps the order. */
  | { type: 'event'; at: number; event: BoardEvent }
  | { type: 'done' };

export const ENDING_EVENTS: ReadonlySet<BoardEvent['kind']> = new Set(['finished', 'stopped', 'reset', 'error', 'missing']);
