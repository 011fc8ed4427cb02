/**
 * The parts of Scratch 3's project.json the translator reads (the format scratch-gui saves:
 * sb3 serialization with compressed primitives). Everything is optional in practice: readers check.
 */

/** `[type, value, id?]`: 4-8 numbers, 9 colour, 10 text, 11 broadcast, 12 variable, 13 list. */
export type Primitive = [number, ...unknown[]];

/** `[shadowKind, blockIdOrPrimitive, obscuredShadow?]` */
export type SerializedInput = [number, string | Primitive | null, (string | Primitive | null)?];

export interface SerializedBlock {
  opcode: string;
  next: string | null;
  parent: string | null;
  inputs: Record<string, SerializedInput>;
  fields: Record<string, [unknown, (string | null)?]>;
  shadow: boolean;
  topLevel: boolean;
  mutation?: Record<string, unknown>;
}

export interface ScratchTarget {
  isStage: boolean;
  name: string;
  variables?: Record<string, [string, unknown, boolean?]>;
  lists?: Record<string, [string, unknown[]]>;
  broadcasts?: Record<string, string>;
  /** Top-level loose variable/list reporters are stored as arrays; real blocks as objects. */
  blocks: Record<string, SerializedBlock | unknown[]>;
  layerOrder?: number;
}

export interface ScratchProject {
  targets: ScratchTarget[];
  extensions?: string[];
  meta?: Record<string, unknown>;
}
