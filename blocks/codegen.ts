/**
 * The contract between a block's code lines (in definitions/) and the code generators (src/generators/).
 *
 * A block's `codegen` receives a CodegenContext and returns Python text. The context hides Blockly:
 * it hands out its arguments as ready-made Python expressions, pulls in the runtime pieces the block
 * needs, and lets a hat register a callback. Everything here is pure (no Blockly, no DOM), so the
 * catalogue stays the single place that says what a block does on a board.
 */
import type { PendingMessage } from './types';

/** The boards we generate code for. `python` is a Raspberry Pi (CPython with paho-mqtt). */
export type Target = 'micropython' | 'python';
export const TARGETS: readonly Target[] = ['micropython', 'python'];

/** How tightly an expression binds, so the generator adds parentheses only where needed. */
export type Precedence = 'atomic' | 'call' | 'none';

/** What a reporter or boolean block generates. */
export interface Expression {
  readonly code: string;
  readonly precedence: Precedence;
}

/**
 * What a block uses from the board library (src/generators/library/, one `mqtt_blocks.py` per target).
 * `client` is the program's one MQTT client (`client = MQTTClient()` in main.py, `Client()` on a
 * Raspberry Pi); `computed_topic` is the board's check of a topic made by other blocks; the others
 * are functions main.py imports. main.py imports only what it uses.
 */
export type RuntimePart = 'client' | 'wifi_connect' | 'json_value' | 'wait' | 'text' | 'connect_url' | 'computed_topic';

/** How a topic argument is used: publishing (an exact topic) or subscribing (a filter, + and # allowed). */
export type TopicUse = 'publish' | 'filter';

/** Which table a hat's callback goes into; the runtime calls the table's entries. */
export type HatTable = 'message' | 'connected' | 'disconnected';

export interface CodegenContext {
  readonly target: Target;
  /** A text argument as a Python expression that evaluates to `str` (literals escaped, other values wrapped in str()). */
  text(arg: string): string;
  /**
   * A topic argument as a Python expression. A typed topic that can never work (a wildcard in a
   * publish, `a/#/b`, empty, `$SYS/...` for publishing) stops generation with the Scratch blocks'
   * explanation; a topic made by other blocks is checked by the board at run time.
   */
  topic(arg: string, use: TopicUse): string;
  /** A number argument as a Python expression that evaluates to a number. */
  number(arg: string): string;
  /** The plain value of a text argument when it is a literal typed into the block, otherwise undefined. */
  literal(arg: string): string | undefined;
  /** A menu's selected value (one of the catalogue's menu values). */
  menu(arg: string): string;
  /** A Python string literal for a value known while generating: the one escaping function. */
  quote(value: string): string;
  /** True inside the script of a "when message received" hat, whose function has `topic` and `msg` parameters. */
  insideMessageHat(): boolean;
  /** Includes what the block uses from the library in main.py (the client, or an import). */
  require(part: RuntimePart): void;
  /**
   * Turns the script under this hat into a function (with `topic, msg` parameters for `message`)
   * and registers it with the client in main.py. `key` is a Python expression (the topic filter for
   * `message`), `nameHint` a readable name stem. Returns the function's name.
   */
  registerHat(table: HatTable, nameHint: string, key?: string): string;
  /** Stops generation with a message a pupil can act on (the editor and the CLI show it). */
  fail(problem: PendingMessage): never;
}

/** Commands return statements (ending in a newline); reporters return an Expression; hats register and return ''. */
export type Generate = (ctx: CodegenContext) => string | Expression;

/** A block's code for every target. */
export type BlockCodegen = Readonly<Record<Target, Generate>>;

/** Shorthand for a function-call expression. */
export function call(code: string): Expression {
  return { code, precedence: 'call' };
}

/** Shorthand for a name or literal. */
export function atom(code: string): Expression {
  return { code, precedence: 'atomic' };
}

/** The same code on both targets (where umqtt.simple and paho-mqtt use the same words). */
export function sameOnBoth(generate: Generate): BlockCodegen {
  return { micropython: generate, python: generate };
}

/**
 * A QoS menu value as a board can honour it. umqtt.simple has no QoS 2, so MicroPython gets 1 and a
 * comment that says so (paho on a Raspberry Pi does QoS 2).
 */
export function boardQos(menuValue: string, target: Target): { qos: string; comment: string } {
  const qos = ['0', '1', '2'].includes(menuValue) ? menuValue : '0';
  if (target === 'micropython' && qos === '2') {
    return { qos: '1', comment: '# QoS 2 is not available in umqtt.simple: sent with QoS 1 (at least once) instead\n' };
  }
  return { qos, comment: '' };
}

/** A readable identifier stem from a topic filter: `home/+/lamp` -> `home_any_lamp`. */
export function topicNameHint(filter: string): string {
  const words = filter
    .replace(/\+/g, ' any ')
    .replace(/#/g, ' all ')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
  const stem = words.join('_').slice(0, 40).replace(/_+$/, '');
  return stem === '' ? 'topic' : stem;
}
