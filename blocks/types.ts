/**
 * The shape of one catalogue entry. Every face (Scratch getInfo, Blockly JSON, the MicroPython and
 * Python generators, the docs) is derived from these entries, so a block is described exactly once.
 *
 * This folder is pure data and pure functions: it must not import mqtt.js, scratch-vm, Blockly or the DOM.
 */

import type { BlockCodegen } from './codegen';

/**
 * A text a pupil or teacher sees, shaped like scratch-vm's format-message descriptors: a namespaced
 * id (`mqtt.connect.refused.badPassword`), the English text (`{name}` marks a value, ICU syntax) and a
 * note telling translators where it appears. Other languages live in src/i18n/locales/<locale>.json;
 * src/i18n/translate.ts renders it. Defined here because blocks/ may import nothing outside itself.
 */
export interface Message {
  readonly id: string;
  readonly default: string;
  readonly description: string;
}

/** A message with the values for its placeholders, rendered later in the reader's language. */
export interface PendingMessage {
  readonly message: Message;
  readonly params?: MessageParams;
}

/**
 * Values for a message's placeholders. A value that is itself a message is rendered in the same
 * language; a function gives its text per language (a block's own words with the values typed into it).
 */
export type MessageParams = Readonly<Record<string, string | number | PendingMessage | TextPerLocale>>;

/** Text that code composes per language; called with the locale the message is rendered in. */
export type TextPerLocale = (locale: string) => string;

/** Block shapes, named as pupils see them. */
export type BlockShape = 'command' | 'reporter' | 'boolean' | 'hat';

/** Where a block appears. `scratch` is the live editor, `board` the Blockly board editor. */
export type Face = 'scratch' | 'board';

/** A fixed list of choices. Values are stored in saved projects: never rename them. */
export interface MenuSpec {
  readonly name: string;
  /** `text` is what the menu shows; without it the value itself is shown (numbers read the same everywhere). */
  readonly items: ReadonlyArray<{ readonly value: string; readonly text?: Message }>;
}

/** An argument typed or dropped into a block. */
export interface TextArgument {
  readonly kind: 'text';
  /** Default shown in a new block: a message where it should read in the pupil's language (a greeting, not a topic). */
  readonly default: string | Message;
  /** Default in the board editor where it differs from the live one (boards speak TCP, not WebSocket). */
  readonly boardDefault?: string;
}
export interface NumberArgument {
  readonly kind: 'number';
  readonly default: number;
}
export interface MenuArgument {
  readonly kind: 'menu';
  readonly menu: MenuSpec;
  readonly default: string;
}
export type ArgumentSpec = TextArgument | NumberArgument | MenuArgument;

export interface BlockSpec {
  /** Stable id: Scratch opcode is `mqtt_<opcode>`, Blockly type the same string. Never rename. */
  readonly opcode: string;
  readonly shape: BlockShape;
  /** Block text with `[ARG]` placeholders, one per argument; each language orders them as it reads best. */
  readonly text: Message;
  /** Arguments by name; names are part of the saved-project contract. */
  readonly args: Readonly<Record<string, ArgumentSpec>>;
  readonly faces: readonly Face[];
  /** One sentence for the block reference: what a pupil gets from it. */
  readonly help: Message;
  /** The code the block generates on boards; every block with the `board` face has one. */
  readonly codegen?: BlockCodegen;
}

/** Scratch's opcode / Blockly's type for a block. */
export function qualifiedOpcode(block: Pick<BlockSpec, 'opcode'>): string {
  return `mqtt_${block.opcode}`;
}

/** The argument names in the order their placeholders appear in a block text. */
export function placeholdersOf(text: string): string[] {
  return Array.from(text.matchAll(/\[([A-Z_]+)\]/g), (m) => m[1]);
}
