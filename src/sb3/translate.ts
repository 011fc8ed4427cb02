/**
 * A Scratch project becomes board code: main.py (each script a task that takes turns, as on the
 * stage) plus the board library mqtt_blocks.py with its Scratch section (library/scratch.py).
 *
 * MQTT blocks generate exactly what the board editor generates for them: their code comes from the
 * catalogue (blocks/definitions), through a CodegenContext that reads Scratch's project JSON instead
 * of a Blockly workspace. Everything else in the subset (subset.ts) is translated here; a block
 * outside it is listed, never dropped silently and never turned into broken code.
 */
import { findBlock } from '../../blocks/catalogue';
import type { CodegenContext, Expression, HatTable, RuntimePart, Target, TopicUse } from '../../blocks/codegen';
import { topicNameHint } from '../../blocks/codegen';
import type { Message, MessageParams, PendingMessage, TextPerLocale } from '../../blocks/types';
import { isLocale, type Locale } from '../i18n/locales';
import { translate, translatePending } from '../i18n/translate';
import { BLOCK_LABEL_MESSAGES } from '../generators/block-label';
import { publishTopicProblem, topicFilterProblem } from '../session/topic-filter';
import { topicProblemMessage } from '../session/topic-problem-messages';
import { CodegenError } from '../generators/errors';
import { LIBRARY_EXPORTS, LIBRARY_MODULE, LIBRARY_PRIVATE_NAMES } from '../generators/library/exports';
import { fingerprint, libraryFor, type LibraryFile } from '../generators/library/library';
import type { BoardProgram } from '../generators/program';
import { pythonString } from '../generators/python-literal';
import { scratchBlockNames } from './block-names';
import { SB3_TEXT } from './messages';
import type { Primitive, ScratchProject, ScratchTarget, SerializedBlock } from './project-types';
import { SCRATCH_PRIVATE_NAMES, SCRATCH_RUNTIME_NAMES, scratchSection } from './library/runtime-section';
import { HAT_OPCODES, isSupported, whyUnsupported, YIELDING_OPCODES } from './subset';

export interface TranslateOptions {
  readonly target: Target;
  readonly locale: Locale;
  /** The project's name (its file name without .sb3), recorded in main.py. */
  readonly projectName: string;
  /** Only this sprite's scripts (the stage's variables stay available). */
  readonly sprite?: string;
  /** Leave out scripts with unsupported blocks instead of refusing. */
  readonly skipUnsupported?: boolean;
  /** The broker address the board uses (replaces every connect block's address). */
  readonly broker?: string;
}

export interface UnsupportedBlock {
  readonly sprite: string;
  /** The script's first block. */
  readonly script: TextPerLocale;
  readonly block: TextPerLocale;
  readonly opcode: string;
  readonly reason: Message;
}

export interface TranslateResult {
  /** null when unsupported blocks were found and skipUnsupported is off. */
  readonly program: BoardProgram | null;
  readonly unsupported: readonly UnsupportedBlock[];
  /** Things the pupil should know (a broker address changed for the board). */
  readonly notes: readonly PendingMessage[];
}

/** A problem with the project as a whole (no MQTT blocks, no such sprite, nothing left). */
export class ProjectError extends Error {
  constructor(readonly problem: Message, readonly params: Record<string, string | number> = {}) {
    super(problem.default);
    this.name = 'ProjectError';
  }
}

function pending(message: Message, params: MessageParams = {}): PendingMessage {
  return { message, params };
}

// ---------------------------------------------------------------- names

const PYTHON_RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'print', 'input', 'range', 'len', 'str', 'int', 'float',
  'list', 'dict', 'abs', 'round', 'min', 'max', 'sum', 'any', 'all', 'next', 'iter', 'type', 'object', 'client', 'topic',
  'msg', 'math', 'random', 'time', 'json', 'machine', 'network', 'mqtt', 'queue', 'uuid', 'main',
]);

class Names {
  private readonly used = new Set<string>([
    ...PYTHON_RESERVED,
    ...LIBRARY_EXPORTS.micropython,
    ...LIBRARY_EXPORTS.python,
    ...LIBRARY_PRIVATE_NAMES.micropython,
    ...LIBRARY_PRIVATE_NAMES.python,
    ...SCRATCH_RUNTIME_NAMES,
    ...SCRATCH_PRIVATE_NAMES,
  ]);

  /** A fresh ASCII identifier from any text (MicroPython allows only ASCII names). */
  make(text: string, fallback: string): string {
    let stem = text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase()
      .slice(0, 40)
      .replace(/_+$/, '');
    if (stem === '') stem = fallback;
    if (/^[0-9]/.test(stem)) stem = `${fallback}_${stem}`;
    let name = stem;
    for (let n = 2; this.used.has(name); n++) name = `${stem}_${n}`;
    this.used.add(name);
    return name;
  }
}

// ---------------------------------------------------------------- project model

interface Variable {
  readonly dict: string;
  readonly key: string;
}

interface SpriteInfo {
  readonly target: ScratchTarget;
  readonly name: string;
  readonly ident: string;
  readonly varsDict: string;
  readonly listsDict: string;
  readonly variables: Map<string, Variable>; // by id
  readonly lists: Map<string, Variable>;
  readonly initialVariables: Array<[string, unknown]>;
  readonly initialLists: Array<[string, unknown[]]>;
  readonly procedures: Map<string, Procedure>; // by proccode
}

interface Procedure {
  readonly proccode: string;
  readonly defId: string;
  readonly fn: string;
  readonly argIds: string[];
  readonly argNames: string[];
  readonly params: string[];
  yields: boolean;
  unsupported: UnsupportedBlock[];
}

type Block = SerializedBlock;

/** The text of a value read from project JSON (anything else, like an object, counts as empty). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function isBlock(value: unknown): value is Block {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Block).opcode === 'string';
}

function jsonList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** Scratch's Number(text), for literals typed into number slots: not a number counts as 0. */
function jsNumber(text: string): number {
  const trimmed = text.trim();
  const n = trimmed === '' ? 0 : Number(trimmed);
  return Number.isNaN(n) ? 0 : n;
}

function pythonNumber(n: number): string {
  if (n === Infinity) return "float('inf')";
  if (n === -Infinity) return "-float('inf')";
  if (Object.is(n, -0)) return '0';
  return textOf(n);
}

// ---------------------------------------------------------------- expressions

type Kind = 'str' | 'num' | 'bool' | 'any';

interface Expr {
  readonly code: string;
  readonly kind: Kind;
  /** The typed text when this is a literal in the block. */
  readonly literal?: string;
}

const str = (code: string): Expr => ({ code, kind: 'str' });
const numberExpr = (code: string): Expr => ({ code, kind: 'num' });
const bool = (code: string): Expr => ({ code, kind: 'bool' });

function literalExpr(value: unknown): Expr {
  const text = value === null || value === undefined ? '' : textOf(value);
  return { code: pythonString(text), kind: 'str', literal: text };
}

function asText(e: Expr): string {
  return e.kind === 'str' ? e.code : `to_text(${e.code})`;
}

function asNumber(e: Expr): string {
  if (e.literal !== undefined) return pythonNumber(jsNumber(e.literal));
  return e.kind === 'num' ? e.code : `num(${e.code})`;
}

function asBool(e: Expr): string {
  if (e.kind === 'bool') return e.code;
  return `to_bool(${e.code})`;
}

// ---------------------------------------------------------------- the translator

interface ScriptScope {
  readonly sprite: SpriteInfo;
  readonly hatOpcode: string;
  readonly procedure: Procedure | null;
  yields: boolean;
  hatRegistration: string | null;
}

const MATHOPS = new Set(['abs', 'floor', 'ceiling', 'sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'ln', 'log', 'e ^', '10 ^']);
const CLIENT_CLASS: Readonly<Record<Target, string>> = { micropython: 'MQTTClient', python: 'Client' };
const INDENT = '    ';

export class ProjectTranslator {
  private readonly names = new Names();
  private readonly sprites: SpriteInfo[] = [];
  private readonly stage: SpriteInfo;
  private readonly libraryParts = new Set<RuntimePart>();
  private readonly notes: PendingMessage[] = [];
  private readonly brokerNotes = new Set<string>();

  constructor(private readonly project: ScratchProject, private readonly options: TranslateOptions) {
    const targets = project.targets;
    const stageTarget = targets.find((t) => t.isStage) ?? { isStage: true, name: 'Stage', blocks: {} };
    this.stage = this.describe(stageTarget, 'stage');
    // scratch-vm runs hats from the top sprite down, the stage last: threads take turns in that order.
    const sprites = targets.filter((t) => !t.isStage).sort((a, b) => (b.layerOrder ?? 0) - (a.layerOrder ?? 0));
    for (const target of sprites) this.sprites.push(this.describe(target, 'sprite'));
    this.sprites.push(this.stage);
  }

  private describe(target: ScratchTarget, fallback: string): SpriteInfo {
    const ident = this.names.make(target.isStage ? 'stage' : target.name, fallback);
    const info: SpriteInfo = {
      target,
      name: target.name,
      ident,
      varsDict: ident,
      listsDict: this.names.make(`${ident}_lists`, `${fallback}_lists`),
      variables: new Map(),
      lists: new Map(),
      initialVariables: [],
      initialLists: [],
      procedures: new Map(),
    };
    const keysUsed = new Set<string>();
    const listKeysUsed = new Set<string>();
    const unique = (used: Set<string>, name: string): string => {
      let key = name;
      for (let n = 2; used.has(key); n++) key = `${name} (${n})`;
      used.add(key);
      return key;
    };
    for (const [id, entry] of Object.entries(target.variables ?? {})) {
      if (!Array.isArray(entry)) continue;
      const key = unique(keysUsed, textOf(entry[0]));
      info.variables.set(id, { dict: info.varsDict, key });
      info.initialVariables.push([key, entry[1]]);
    }
    for (const [id, entry] of Object.entries(target.lists ?? {})) {
      if (!Array.isArray(entry)) continue;
      const key = unique(listKeysUsed, textOf(entry[0]));
      info.lists.set(id, { dict: info.listsDict, key });
      info.initialLists.push([key, Array.isArray(entry[1]) ? entry[1] : []]);
    }
    return info;
  }

  private blocksOf(sprite: SpriteInfo): Record<string, Block | unknown[]> {
    return sprite.target.blocks ?? {};
  }

  private block(sprite: SpriteInfo, id: unknown): Block | null {
    if (typeof id !== 'string') return null;
    const found = this.blocksOf(sprite)[id];
    return isBlock(found) ? found : null;
  }

  // ---- walking scripts

  private *stackBlocks(sprite: SpriteInfo, firstId: string | null): Generator<[string, Block]> {
    const seen = new Set<string>();
    let id = firstId;
    while (id !== null && !seen.has(id)) {
      seen.add(id);
      const block = this.block(sprite, id);
      if (!block) return;
      yield [id, block];
      id = block.next;
    }
  }

  private substackId(block: Block, name: string): string | null {
    const input = block.inputs?.[name];
    return Array.isArray(input) && typeof input[1] === 'string' ? input[1] : null;
  }

  /** Every block under a top block, depth first (inputs and substacks included), each once. */
  private allBlocks(sprite: SpriteInfo, topId: string): Array<[string, Block]> {
    const out: Array<[string, Block]> = [];
    const seen = new Set<string>();
    const visit = (id: string | null): void => {
      for (const [blockId, block] of this.stackBlocks(sprite, id)) {
        if (seen.has(blockId)) return;
        seen.add(blockId);
        out.push([blockId, block]);
        for (const input of Object.values(block.inputs ?? {})) {
          if (!Array.isArray(input)) continue;
          for (const ref of [input[1], input[2]]) {
            if (typeof ref === 'string' && !seen.has(ref)) visit(ref);
          }
        }
      }
    };
    visit(topId);
    return out;
  }

  private hatLabel(sprite: SpriteInfo, hat: Block): TextPerLocale {
    const spec = hat.opcode.startsWith('mqtt_') ? findBlock(hat.opcode.slice('mqtt_'.length)) : undefined;
    if (spec) {
      // The block's own words with what is typed into it: when message received on (class1/+/temp).
      return (locale) =>
        translate(spec.text, isLocale(locale) ? locale : 'en').replace(/\[([A-Z_]+)\]/g, (_match, arg: string) =>
          spec.args[arg]?.kind === 'menu' ? `(${this.menuValue(sprite, hat, arg)} ▾)` : `(${this.inputLiteral(sprite, hat, arg) ?? '…'})`,
        );
    }
    const names = scratchBlockNames(hat.opcode);
    let detail = '';
    if (hat.opcode === 'event_whenbroadcastreceived') detail = textOf(hat.fields?.BROADCAST_OPTION?.[0] ?? '');
    if (hat.opcode === 'mqtt_whenMessage') detail = this.inputLiteral(sprite, hat, 'TOPIC') ?? '…';
    if (hat.opcode === 'mqtt_whenConnectionChanged') detail = this.menuValue(sprite, hat, 'STATE');
    if (hat.opcode === 'procedures_definition') {
      const proto = this.block(sprite, hat.inputs?.custom_block?.[1]);
      detail = textOf(proto?.mutation?.proccode ?? '').replace(/ %[sbn]/g, ' ( )');
    }
    const withDetail = (text: string): string => (detail === '' ? text : `${text} [${detail}]`);
    return (locale) => withDetail(names(locale));
  }

  private unsupportedIn(sprite: SpriteInfo, topId: string, hat: Block): UnsupportedBlock[] {
    const found: UnsupportedBlock[] = [];
    const script = this.hatLabel(sprite, hat);
    for (const [, block] of this.allBlocks(sprite, topId)) {
      if (block.shadow) continue;
      if (!isSupported(block.opcode)) {
        found.push({ sprite: sprite.name, script, block: scratchBlockNames(block.opcode), opcode: block.opcode, reason: whyUnsupported(block.opcode) });
      }
    }
    return found;
  }

  // ---- inputs

  private input(sprite: SpriteInfo, block: Block, name: string): { block: Block } | { primitive: Primitive } | null {
    const input = block.inputs?.[name];
    if (!Array.isArray(input)) return null;
    const ref = input[1];
    if (Array.isArray(ref)) return { primitive: ref };
    const found = this.block(sprite, ref);
    return found ? { block: found } : null;
  }

  /** The text typed into an input (a primitive or a shadow block), or undefined when a block sits there. */
  private inputLiteral(sprite: SpriteInfo, block: Block, name: string): string | undefined {
    const input = this.input(sprite, block, name);
    if (input === null) return '';
    if ('primitive' in input) {
      const [type, value] = input.primitive;
      return type >= 4 && type <= 11 ? textOf(value ?? '') : undefined;
    }
    if (input.block.shadow) return textOf(Object.values(input.block.fields ?? {})[0]?.[0] ?? '');
    return undefined;
  }

  private menuValue(sprite: SpriteInfo, block: Block, name: string): string {
    const field = block.fields?.[name];
    if (Array.isArray(field)) return textOf(field[0] ?? '');
    return this.inputLiteral(sprite, block, name) ?? '';
  }

  private variable(sprite: SpriteInfo, field: unknown, lists: boolean): Variable {
    const entry: unknown[] = Array.isArray(field) ? (field as unknown[]) : [];
    const name = textOf(entry[0]);
    const id = entry[1];
    const own = lists ? sprite.lists : sprite.variables;
    const global = lists ? this.stage.lists : this.stage.variables;
    if (typeof id === 'string') {
      const found = own.get(id) ?? global.get(id);
      if (found) return found;
    }
    const byName = [...own.values(), ...global.values()].find((v) => v.key === name);
    if (byName) return byName;
    // Scratch makes a missing variable on the spot (a project edited by hand): so do we.
    const created: Variable = { dict: lists ? sprite.listsDict : sprite.varsDict, key: name };
    own.set(typeof id === 'string' ? id : `missing:${name}`, created);
    if (lists) sprite.initialLists.push([name, []]);
    else sprite.initialVariables.push([name, 0]);
    return created;
  }

  private ref(v: Variable): string {
    return `${v.dict}[${pythonString(v.key)}]`;
  }

  private expr(scope: ScriptScope, block: Block, name: string): Expr {
    const input = this.input(scope.sprite, block, name);
    if (input === null) return literalExpr('');
    if ('primitive' in input) {
      const [type, value, id] = input.primitive;
      if (type === 12) return { code: this.ref(this.variable(scope.sprite, [value, id], false)), kind: 'any' };
      if (type === 13) return str(`list_text(${this.ref(this.variable(scope.sprite, [value, id], true))})`);
      return literalExpr(value);
    }
    return this.reporter(scope, input.block);
  }

  private reporter(scope: ScriptScope, block: Block): Expr {
    const s = scope.sprite;
    const e = (name: string): Expr => this.expr(scope, block, name);
    const n = (name: string): string => asNumber(e(name));
    const field = (name: string): string => textOf(block.fields?.[name]?.[0] ?? '');
    if (block.shadow) return literalExpr(Object.values(block.fields ?? {})[0]?.[0] ?? '');
    switch (block.opcode) {
      case 'operator_add': return numberExpr(`(${n('NUM1')} + ${n('NUM2')})`);
      case 'operator_subtract': return numberExpr(`(${n('NUM1')} - ${n('NUM2')})`);
      case 'operator_multiply': return numberExpr(`(${n('NUM1')} * ${n('NUM2')})`);
      case 'operator_divide': return numberExpr(`divide(${n('NUM1')}, ${n('NUM2')})`);
      case 'operator_mod': return numberExpr(`modulo(${n('NUM1')}, ${n('NUM2')})`);
      case 'operator_round': return numberExpr(`round_number(${n('NUM')})`);
      case 'operator_random': return numberExpr(`pick_random(${e('FROM').code}, ${e('TO').code})`);
      case 'operator_mathop': {
        const op = this.menuValue(s, block, 'OPERATOR');
        return numberExpr(`math_of(${pythonString(MATHOPS.has(op) ? op : 'abs')}, ${n('NUM')})`);
      }
      case 'operator_gt': return bool(`greater(${e('OPERAND1').code}, ${e('OPERAND2').code})`);
      case 'operator_lt': return bool(`less(${e('OPERAND1').code}, ${e('OPERAND2').code})`);
      case 'operator_equals': return bool(`equals(${e('OPERAND1').code}, ${e('OPERAND2').code})`);
      case 'operator_and': return bool(`(${this.condition(scope, block, 'OPERAND1')} and ${this.condition(scope, block, 'OPERAND2')})`);
      case 'operator_or': return bool(`(${this.condition(scope, block, 'OPERAND1')} or ${this.condition(scope, block, 'OPERAND2')})`);
      case 'operator_not': return bool(`(not ${this.condition(scope, block, 'OPERAND')})`);
      case 'operator_join': return str(`join(${e('STRING1').code}, ${e('STRING2').code})`);
      case 'operator_letter_of': return str(`letter_of(${n('LETTER')}, ${e('STRING').code})`);
      case 'operator_length': return numberExpr(`length_of(${e('STRING').code})`);
      case 'operator_contains': return bool(`contains(${e('STRING1').code}, ${e('STRING2').code})`);
      case 'data_variable': return { code: this.ref(this.variable(s, block.fields?.VARIABLE, false)), kind: 'any' };
      case 'data_listcontents': return str(`list_text(${this.ref(this.variable(s, block.fields?.LIST, true))})`);
      case 'data_itemoflist': return { code: `list_item(${this.listRef(s, block)}, ${this.listIndex(scope, block)})`, kind: 'any' };
      case 'data_itemnumoflist': return numberExpr(`list_find(${this.listRef(s, block)}, ${e('ITEM').code})`);
      case 'data_lengthoflist': return numberExpr(`float(len(${this.listRef(s, block)}))`);
      case 'data_listcontainsitem': return bool(`list_contains(${this.listRef(s, block)}, ${e('ITEM').code})`);
      case 'argument_reporter_string_number':
      case 'argument_reporter_boolean': {
        const name = field('VALUE');
        const index = scope.procedure?.argNames.indexOf(name) ?? -1;
        if (scope.procedure && index >= 0) return { code: scope.procedure.params[index], kind: 'any' };
        return block.opcode === 'argument_reporter_boolean' ? bool('False') : numberExpr('0');
      }
      case 'sensing_timer': return numberExpr('timer()');
      case 'sensing_answer': return str('answer()');
      case 'mqtt_droppedMessages': return numberExpr('dropped_messages()');
      default:
        if (block.opcode.startsWith('mqtt_')) return this.mqttReporter(scope, block);
        // The subset check runs first, so this is a bug, not a pupil's mistake.
        throw new Error(`no translation for reporter ${block.opcode}`);
    }
  }

  private condition(scope: ScriptScope, block: Block, name: string): string {
    const input = this.input(scope.sprite, block, name);
    if (input === null) return 'False'; // an empty hexagon slot is false in Scratch
    return asBool(this.expr(scope, block, name));
  }

  private listRef(sprite: SpriteInfo, block: Block): string {
    return this.ref(this.variable(sprite, block.fields?.LIST, true));
  }

  private listIndex(scope: ScriptScope, block: Block): string {
    // "last", "all" and "random" are typed words in Scratch 3's index slot: they stay text.
    return this.expr(scope, block, 'INDEX').code;
  }

  // ---- MQTT blocks through the catalogue

  private mqttContext(scope: ScriptScope, block: Block, overrides: Record<string, string> = {}): CodegenContext {
    const sprite = scope.sprite;
    const fail = (problem: PendingMessage): never => {
      const label = scratchBlockNames(block.opcode);
      throw new CodegenError(pending(BLOCK_LABEL_MESSAGES.aboutBlock, { block: (locale) => `${sprite.name}: "${label(locale)}"`, problem }));
    };
    const literal = (arg: string): string | undefined => (arg in overrides ? overrides[arg] : this.inputLiteral(sprite, block, arg));
    const text = (arg: string): string => {
      const typed = literal(arg);
      return typed !== undefined ? pythonString(typed) : asText(this.expr(scope, block, arg));
    };
    return {
      target: this.options.target,
      text,
      topic: (arg: string, use: TopicUse): string => {
        const typed = literal(arg);
        if (typed !== undefined) {
          const problem = use === 'publish' ? publishTopicProblem(typed) : topicFilterProblem(typed);
          if (problem) fail(topicProblemMessage(problem, typed));
        }
        return text(arg);
      },
      number: (arg: string) => {
        const typed = literal(arg);
        return typed !== undefined ? pythonNumber(jsNumber(typed)) : asNumber(this.expr(scope, block, arg));
      },
      literal,
      menu: (arg: string) => this.menuValue(sprite, block, arg),
      quote: (value: string) => pythonString(value),
      insideMessageHat: () => scope.hatOpcode === 'mqtt_whenMessage' && scope.procedure === null,
      require: (part: RuntimePart) => {
        this.libraryParts.add(part);
      },
      registerHat: (table: HatTable, _nameHint: string, key?: string): string => {
        const owner = pythonString(sprite.name);
        scope.hatRegistration =
          table === 'message' ? `when_message(${key ?? "''"}, %s, ${owner})` : `when_connection(${table === 'connected' ? 'True' : 'False'}, %s, ${owner})`;
        return '%s';
      },
      fail,
    };
  }

  private mqttReporter(scope: ScriptScope, block: Block): Expr {
    const spec = findBlock(block.opcode.slice('mqtt_'.length));
    const generate = spec?.codegen?.[this.options.target];
    if (!spec || !generate) throw new Error(`no board code for ${block.opcode}`);
    const result = generate(this.mqttContext(scope, block)) as Expression;
    const kind: Kind = spec.shape === 'boolean' ? 'bool' : ['message', 'topic', 'lastError', 'lastMessageOn'].includes(spec.opcode) ? 'str' : 'any';
    return { code: result.code, kind };
  }

  /** The address the board connects to, when the project's is for browsers (or --broker says so). */
  private brokerOverride(scope: ScriptScope, block: Block): Record<string, string> {
    if (this.options.broker !== undefined) return { URL: this.options.broker };
    const typed = this.inputLiteral(scope.sprite, block, 'URL');
    if (typed === undefined) return {};
    const board = boardAddressFor(typed);
    if (board === null || board === typed) return {};
    if (!this.brokerNotes.has(typed)) {
      this.brokerNotes.add(typed);
      this.notes.push(pending(SB3_TEXT.brokerChanged, { board, stage: typed }));
    }
    return { URL: board };
  }

  private mqttStatement(scope: ScriptScope, block: Block): string {
    const spec = findBlock(block.opcode.slice('mqtt_'.length));
    const generate = spec?.codegen?.[this.options.target];
    if (!spec || !generate) throw new Error(`no board code for ${block.opcode}`);
    const overrides = block.opcode === 'mqtt_connect' ? this.brokerOverride(scope, block) : {};
    return generate(this.mqttContext(scope, block, overrides)) as string;
  }

  // ---- statements

  private stack(scope: ScriptScope, firstId: string | null, indent: string): string {
    const lines: string[] = [];
    for (const [, block] of this.stackBlocks(scope.sprite, firstId)) {
      const code = this.statement(scope, block, indent);
      if (code !== '') lines.push(code);
    }
    return lines.length === 0 ? `${indent}pass\n` : lines.join('');
  }

  private yieldLine(scope: ScriptScope, indent: string): string {
    scope.yields = true;
    return `${indent}yield  # the other scripts take their turn\n`;
  }

  private statement(scope: ScriptScope, block: Block, indent: string): string {
    const s = scope.sprite;
    const e = (name: string): Expr => this.expr(scope, block, name);
    const line = (code: string): string => `${indent}${code}\n`;
    const inner = indent + INDENT;
    const sub = (name: string): string => this.stack(scope, this.substackId(block, name), inner);
    switch (block.opcode) {
      case 'event_broadcast': return line(`broadcast(${this.broadcastName(scope, block)})`);
      case 'event_broadcastandwait':
        scope.yields = true;
        return line(`yield from broadcast_and_wait(${this.broadcastName(scope, block)})`);
      case 'control_wait':
        scope.yields = true;
        return line(`yield from wait_seconds(${asNumber(e('DURATION'))})`);
      case 'control_repeat': return `${line(`for _ in times(${asNumber(e('TIMES'))}):`)}${sub('SUBSTACK')}${this.yieldLine(scope, inner)}`;
      case 'control_forever': return `${line('while True:')}${sub('SUBSTACK')}${this.yieldLine(scope, inner)}`;
      case 'control_if': return `${line(`if ${this.condition(scope, block, 'CONDITION')}:`)}${sub('SUBSTACK')}`;
      case 'control_if_else':
        return `${line(`if ${this.condition(scope, block, 'CONDITION')}:`)}${sub('SUBSTACK')}${line('else:')}${sub('SUBSTACK2')}`;
      case 'control_wait_until':
        scope.yields = true;
        return line(`yield from wait_until(lambda: ${this.condition(scope, block, 'CONDITION')})`);
      case 'control_repeat_until':
        return `${line(`while not ${this.condition(scope, block, 'CONDITION')}:`)}${sub('SUBSTACK')}${this.yieldLine(scope, inner)}`;
      case 'control_stop': {
        const option = this.menuValue(s, block, 'STOP_OPTION');
        if (option === 'all') return line('stop_all()');
        if (option === 'this script') return line('return');
        return line(`stop_other_scripts(${pythonString(s.name)})`);
      }
      case 'data_setvariableto': return line(`${this.ref(this.variable(s, block.fields?.VARIABLE, false))} = ${e('VALUE').code}`);
      case 'data_changevariableby': {
        const ref = this.ref(this.variable(s, block.fields?.VARIABLE, false));
        return line(`${ref} = num(${ref}) + ${asNumber(e('VALUE'))}`);
      }
      case 'data_addtolist': return line(`list_add(${this.listRef(s, block)}, ${e('ITEM').code})`);
      case 'data_deleteoflist': return line(`list_delete(${this.listRef(s, block)}, ${this.listIndex(scope, block)})`);
      case 'data_deletealloflist': return line(`del ${this.listRef(s, block)}[:]`);
      case 'data_insertatlist': return line(`list_insert(${this.listRef(s, block)}, ${this.listIndex(scope, block)}, ${e('ITEM').code})`);
      case 'data_replaceitemoflist': return line(`list_replace(${this.listRef(s, block)}, ${this.listIndex(scope, block)}, ${e('ITEM').code})`);
      case 'looks_say':
      case 'looks_think':
        return line(`print(${asText(e('MESSAGE'))})`);
      case 'looks_sayforsecs':
      case 'looks_thinkforsecs':
        scope.yields = true;
        return `${line(`print(${asText(e('MESSAGE'))})`)}${line(`yield from wait_seconds(${asNumber(e('SECS'))})`)}`;
      case 'sensing_resettimer': return line('reset_timer()');
      case 'sensing_askandwait': return line(`ask(${e('QUESTION').code})`);
      case 'procedures_call': return this.call(scope, block, indent);
      default:
        if (block.opcode.startsWith('mqtt_')) {
          const code = this.mqttStatement(scope, block);
          return code
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => `${indent}${l}\n`)
            .join('');
        }
        throw new Error(`no translation for ${block.opcode}`);
    }
  }

  private broadcastName(scope: ScriptScope, block: Block): string {
    const input = this.input(scope.sprite, block, 'BROADCAST_INPUT');
    if (input !== null && 'primitive' in input && input.primitive[0] === 11) return pythonString(textOf(input.primitive[1] ?? ''));
    if (input !== null && 'block' in input && input.block.shadow) return pythonString(this.menuValue(scope.sprite, input.block, 'BROADCAST_OPTION'));
    return this.expr(scope, block, 'BROADCAST_INPUT').code;
  }

  private call(scope: ScriptScope, block: Block, indent: string): string {
    const proccode = textOf(block.mutation?.proccode ?? '');
    const procedure = scope.sprite.procedures.get(proccode);
    if (!procedure) return `${indent}pass  # ${pythonComment(proccode)}: this my block has no definition\n`;
    const argIds = jsonList(block.mutation?.argumentids);
    const args = procedure.argIds.map((argId) => {
      const input = this.input(scope.sprite, block, argId);
      if (input === null || !argIds.includes(argId)) return procedure.argNames.length > 0 ? "''" : "''";
      return this.expr(scope, block, argId).code;
    });
    const callCode = `${procedure.fn}(${args.join(', ')})`;
    if (!procedure.yields) return `${indent}${callCode}\n`;
    scope.yields = true;
    // Scratch gives the others a turn when a my block calls itself (recursion), then runs it.
    const recursive = scope.procedure === procedure ? `${indent}yield\n` : '';
    return `${recursive}${indent}yield from ${callCode}\n`;
  }

  // ---- procedures: which ones take turns (a fixpoint over calls)

  private collectProcedures(sprite: SpriteInfo): void {
    for (const [id, block] of Object.entries(this.blocksOf(sprite))) {
      if (!isBlock(block) || block.opcode !== 'procedures_definition') continue;
      const proto = this.block(sprite, block.inputs?.custom_block?.[1]);
      const proccode = textOf(proto?.mutation?.proccode ?? '');
      if (proccode === '' || sprite.procedures.has(proccode)) continue;
      const argNames = jsonList(proto?.mutation?.argumentnames);
      const words = proccode.replace(/%[sbn]/g, ' ');
      const fn = this.names.make(`${sprite.ident}_${words}`, `${sprite.ident}_my_block`);
      const paramNames = new Names();
      sprite.procedures.set(proccode, {
        proccode,
        defId: id,
        fn,
        argIds: jsonList(proto?.mutation?.argumentids),
        argNames,
        params: argNames.map((name) => paramNames.make(name, 'value')),
        yields: false,
        unsupported: [],
      });
    }
    for (const procedure of sprite.procedures.values()) {
      const def = this.block(sprite, procedure.defId);
      if (def) procedure.unsupported = this.unsupportedIn(sprite, procedure.defId, def);
    }
    // A my block takes turns when it waits or loops, calls one that does, or calls itself.
    const calls = new Map<Procedure, Procedure[]>();
    for (const procedure of sprite.procedures.values()) {
      const callees: Procedure[] = [];
      for (const [, block] of this.allBlocks(sprite, procedure.defId)) {
        if (YIELDING_OPCODES.has(block.opcode)) procedure.yields = true;
        if (block.opcode === 'procedures_call') {
          const callee = sprite.procedures.get(textOf(block.mutation?.proccode ?? ''));
          if (callee) {
            callees.push(callee);
            if (callee === procedure) procedure.yields = true;
          }
        }
      }
      calls.set(procedure, callees);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [procedure, callees] of calls) {
        if (!procedure.yields && callees.some((callee) => callee.yields)) {
          procedure.yields = true;
          changed = true;
        }
      }
    }
    // A my block that calls one a board cannot run cannot run either.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [procedure, callees] of calls) {
        const bad = callees.find((callee) => callee.unsupported.length > 0 && !procedure.unsupported.some((u) => u === callee.unsupported[0]));
        if (bad && procedure !== bad) {
          procedure.unsupported.push(bad.unsupported[0]);
          changed = true;
        }
      }
    }
  }

  // ---- whole program

  translate(): TranslateResult {
    if (!projectUsesMqtt(this.project)) throw new ProjectError(SB3_TEXT.noMqttBlocks);
    let sprites = this.sprites;
    if (this.options.sprite !== undefined) {
      const wanted = this.options.sprite;
      sprites = this.sprites.filter((sprite) => sprite.name === wanted);
      if (sprites.length === 0) {
        throw new ProjectError(SB3_TEXT.noSprite, { sprite: wanted, sprites: this.sprites.map((sprite) => sprite.name).join(', ') });
      }
    }
    for (const sprite of sprites) this.collectProcedures(sprite);

    const unsupported: UnsupportedBlock[] = [];
    const scripts: Array<{ sprite: SpriteInfo; id: string; hat: Block }> = [];
    for (const sprite of sprites) {
      for (const [id, block] of Object.entries(this.blocksOf(sprite))) {
        if (!isBlock(block) || !block.topLevel || block.shadow) continue;
        if (block.opcode === 'procedures_definition') continue; // listed through their procedures
        if (!HAT_OPCODES.has(block.opcode) && isSupported(block.opcode)) continue; // a loose stack never runs, on the stage either
        const problems = this.unsupportedIn(sprite, id, block);
        for (const [, inner] of this.allBlocks(sprite, id)) {
          if (inner.opcode !== 'procedures_call') continue;
          const callee = sprite.procedures.get(textOf(inner.mutation?.proccode ?? ''));
          if (callee && callee.unsupported.length > 0) problems.push(...callee.unsupported.filter((u) => !problems.includes(u)));
        }
        if (problems.length > 0) unsupported.push(...problems.filter((u) => !unsupported.includes(u)));
        else scripts.push({ sprite, id, hat: block });
      }
      for (const procedure of sprite.procedures.values()) {
        unsupported.push(...procedure.unsupported.filter((u) => !unsupported.includes(u)));
      }
    }
    if (unsupported.length > 0 && !this.options.skipUnsupported) {
      return { program: null, unsupported, notes: this.notes };
    }
    if (scripts.length === 0) throw new ProjectError(SB3_TEXT.nothingLeft);
    return { program: this.assemble(sprites, scripts), unsupported, notes: this.notes };
  }

  private assemble(sprites: SpriteInfo[], scripts: Array<{ sprite: SpriteInfo; id: string; hat: Block }>): BoardProgram {
    const { target, locale } = this.options;
    const functions: string[] = [];
    const registrations: string[] = [];
    const scriptList: string[] = [];
    for (const sprite of sprites) {
      for (const procedure of sprite.procedures.values()) {
        if (procedure.unsupported.length > 0) continue;
        const def = this.block(sprite, procedure.defId);
        if (!def) continue;
        const scope: ScriptScope = { sprite, hatOpcode: 'procedures_definition', procedure, yields: false, hatRegistration: null };
        const body = this.stack(scope, def.next, INDENT);
        const comment = `# ${pythonComment(translate(SB3_TEXT.scriptComment, locale, { sprite: sprite.name, script: this.hatLabel(sprite, def)(locale) }))}`;
        functions.push(`${comment}\ndef ${procedure.fn}(${procedure.params.join(', ')}):\n${body}`);
      }
    }
    for (const { sprite, hat } of scripts) {
      const scope: ScriptScope = { sprite, hatOpcode: hat.opcode, procedure: null, yields: false, hatRegistration: null };
      const label = this.hatLabel(sprite, hat)(locale);
      const kind = hat.opcode === 'event_whenflagclicked' ? 'when_flag' : hat.opcode === 'event_whenbroadcastreceived' ? `when_i_receive_${textOf(hat.fields?.BROADCAST_OPTION?.[0] ?? '')}` : hat.opcode === 'mqtt_whenMessage' ? `when_message_${topicNameHint(this.inputLiteral(sprite, hat, 'TOPIC') ?? 'topic')}` : `when_${this.menuValue(sprite, hat, 'STATE') === 'disconnected' ? 'disconnected' : 'connected'}`;
      const fn = this.names.make(`${sprite.ident}_${kind}`, `${sprite.ident}_script`);
      let registration: string;
      if (hat.opcode === 'event_whenflagclicked') {
        registration = `when_flag(${fn}, ${pythonString(sprite.name)})`;
      } else if (hat.opcode === 'event_whenbroadcastreceived') {
        registration = `when_broadcast(${pythonString(textOf(hat.fields?.BROADCAST_OPTION?.[0] ?? ''))}, ${fn}, ${pythonString(sprite.name)})`;
      } else {
        this.mqttStatement(scope, hat);
        registration = (scope.hatRegistration ?? '').replace('%s', fn);
      }
      const body = this.stack(scope, hat.next, INDENT);
      const params = hat.opcode === 'mqtt_whenMessage' ? 'topic, msg' : '';
      functions.push(`# ${pythonComment(translate(SB3_TEXT.scriptComment, locale, { sprite: sprite.name, script: label }))}\ndef ${fn}(${params}):\n${body}`);
      registrations.push(registration);
      scriptList.push(`#   ${pythonComment(translate(SB3_TEXT.scriptComment, locale, { sprite: sprite.name, script: label }))}`);
    }

    const state: string[] = [];
    for (const sprite of [this.stage, ...sprites.filter((sprite) => sprite !== this.stage)]) {
      const owner = sprite === this.stage ? '' : `  # ${pythonComment(sprite.name)}`;
      state.push(`${sprite.varsDict} = {${sprite.initialVariables.map(([key, value]) => `${pythonString(key)}: ${pythonValue(value)}`).join(', ')}}${owner}`);
      state.push(`${sprite.listsDict} = {${sprite.initialLists.map(([key, items]) => `${pythonString(key)}: [${items.map(pythonValue).join(', ')}]`).join(', ')}}`);
    }

    const body = [...functions, registrations.join('\n')].join('\n\n');
    const usedRuntime = SCRATCH_RUNTIME_NAMES.filter((name) => new RegExp(`\\b${name}\\(`).test(body) || name === 'run_scripts');
    const fromLibrary = [
      ...(this.libraryParts.has('client') ? [CLIENT_CLASS[target]] : []),
      ...(['wifi_connect', 'wait', 'json_value', 'text'] as const).filter((part) => this.libraryParts.has(part) && (LIBRARY_EXPORTS[target] as readonly string[]).includes(part)),
      ...usedRuntime,
    ];
    const header = [
      translate(SB3_TEXT.headerMade, locale, { project: this.options.projectName }),
      translate(SB3_TEXT.headerHow, locale),
      ...this.notes.map((note) => translatePending(note, locale)),
      translate(SB3_TEXT.headerScripts, locale),
    ].map((text) => `# ${pythonComment(text)}`);
    const main = this.libraryParts.has('client') ? `with client:\n${INDENT}run_scripts()` : `try:\n${INDENT}run_scripts()\nexcept KeyboardInterrupt:\n${INDENT}pass`;
    const sections = [
      [...header, ...scriptList].join('\n'),
      `from ${LIBRARY_MODULE} import ${fromLibrary.join(', ')}`,
      this.libraryParts.has('client') ? `client = ${CLIENT_CLASS[target]}()` : '',
      state.join('\n'),
      body,
      main,
    ].filter((section) => section.trim() !== '');
    return {
      target,
      locale,
      main: { name: 'main.py', text: `${sections.join('\n\n')}\n` },
      library: scratchLibrary(target, locale),
    };
  }
}

function pythonComment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function pythonValue(value: unknown): string {
  if (typeof value === 'number') return pythonNumber(Number.isNaN(value) ? 0 : value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return pythonString(value === null || value === undefined ? '' : textOf(value));
}

/**
 * The TCP address a board uses for a broker address typed for browsers: ws://host:port/path is the
 * same broker's MQTT port 1883 (the classroom server, Mosquitto and EMQX all listen there).
 * null when the typed text is not an address at all.
 */
export function boardAddressFor(typed: string): string | null {
  const text = typed.trim();
  const match = /^(?:(wss?|mqtts?|tcp):\/\/)?(\[[^\]]+\]|[^/:\s]+)(?::(\d+))?(\/.*)?$/i.exec(text);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  if (scheme === 'mqtt' || scheme === 'tcp') return text;
  return `mqtt://${match[2]}:1883`;
}

function projectUsesMqtt(project: ScratchProject): boolean {
  return project.targets.some((target) => Object.values(target.blocks ?? {}).some((block) => isBlock(block) && block.opcode.startsWith('mqtt_') && !block.opcode.startsWith('mqtt_menu_')));
}

const libraryCache = new Map<string, LibraryFile>();

/** mqtt_blocks.py with its Scratch section: the board editor's library plus library/scratch.py. */
export function scratchLibrary(target: Target, locale: Locale): LibraryFile {
  const key = `${target}:${locale}`;
  let file = libraryCache.get(key);
  if (!file) {
    const text = `${libraryFor(target, locale).text.replace(/\n+$/, '')}\n\n\n${scratchSection(locale)}`;
    file = { name: `${LIBRARY_MODULE}.py`, text, version: fingerprint(text) };
    libraryCache.set(key, file);
  }
  return file;
}

/** The whole translation: main.py and library, or the list of blocks a board cannot run. */
export function translateProject(project: ScratchProject, options: TranslateOptions): TranslateResult {
  return new ProjectTranslator(project, options).translate();
}
