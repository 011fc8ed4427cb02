/**
 * The slice of headless scratch-vm 5.0.300 that tests and benchmarks drive, typed. scratch-vm ships
 * no types; the extension's own view of the runtime is src/scratch/scratch-types.ts, this adds the
 * editor-side calls (load, locale, frame loop) and the private parts tests reach into.
 */
import type { ScratchRuntime, ScratchTarget } from '../../src/scratch/scratch-types';

/** A block primitive as scratch-vm calls it. */
export type BlockPrimitive = (args: unknown, util: unknown) => unknown;

export interface HeadlessBlockInfo {
  id: string;
  name: string;
  blocks: { info: { opcode: string; text: string } }[];
}

export interface HeadlessStage extends ScratchTarget {
  lookupVariableByNameAndType(name: string, type: string): { value: unknown } | undefined;
}

export interface HeadlessRuntime extends ScratchRuntime {
  currentStepTime: number;
  _primitives: Record<string, BlockPrimitive>;
  _blockInfo: HeadlessBlockInfo[];
  _step(): void;
  requestRedraw(): void;
  getTargetForStage(): HeadlessStage;
  dispose(): void;
}

export interface HeadlessVm {
  readonly runtime: HeadlessRuntime;
  readonly extensionManager: {
    _registerInternalExtension(extension: object): string;
    _loadedExtensions: Map<string, string>;
  };
  loadProject(project: object): Promise<void>;
  setLocale(locale: string, messages: object): Promise<void>;
  setCompatibilityMode(on: boolean): void;
  greenFlag(): void;
  stopAll(): void;
  start(): void;
  quit(): void;
}

export type HeadlessVmConstructor = new () => HeadlessVm;
