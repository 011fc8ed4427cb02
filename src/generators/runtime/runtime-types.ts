import type { RuntimePart } from '../../../blocks/codegen';

/** One runtime piece of a target: the Python it adds, the imports it needs, the pieces it builds on. */
export interface RuntimePiece {
  readonly imports: readonly string[];
  readonly needs: readonly RuntimePart[];
  /** The Python source; `has` tells which other pieces the program includes (a wait without MQTT is a plain sleep). */
  code(has: (part: RuntimePart) => boolean): string;
}

export type Runtime = Readonly<Record<RuntimePart, RuntimePiece>>;

/** The order pieces appear in a program: each after the ones it uses. */
export const PIECE_ORDER: readonly RuntimePart[] = ['client', 'url', 'wifi', 'json', 'wait'];
