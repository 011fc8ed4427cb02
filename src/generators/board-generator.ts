/**
 * A Blockly Python generator for one board target. Blockly's own blocks (logic, loops, math, text,
 * variables, functions) keep Blockly's Python code; MQTT blocks get the code their catalogue entry
 * says (blocks/definitions/*.ts) through a BlockContext; assemble.ts puts main.py together.
 */
import * as Blockly from 'blockly/core';
import { PythonGenerator, pythonGenerator } from 'blockly/python';
import { blocksFor } from '../../blocks/catalogue';
import type { Expression, HatTable, RuntimePart, Target } from '../../blocks/codegen';
import { qualifiedOpcode, type BlockSpec } from '../../blocks/types';
import type { Locale } from '../i18n/locales';
import { assembleMain } from './assemble';
import { BlockContext } from './block-context';
import { LIBRARY_EXPORTS, LIBRARY_MODULE, LIBRARY_PRIVATE_NAMES } from './library/exports';
import { LIBRARY_TEXTS } from './library/library-texts';
import { emptyProgram, type ProgramParts } from './program-parts';
import { pythonCommentText, pythonString } from './python-literal';

const PRECEDENCE = { atomic: 0, call: 2.2, none: 99 } as const; // Blockly's Python Order values

/**
 * Names the pupil's variables and functions must not take: everything the library defines (in the
 * one-file form it shares main.py's module), what main.py itself names (the client, a hat's
 * `topic` and `msg`), and the modules Blockly's own blocks import (a variable called `random`
 * would hide the module its "random integer" block calls).
 */
function reservedNames(target: Target): string[] {
  return [
    ...LIBRARY_EXPORTS[target],
    ...LIBRARY_PRIVATE_NAMES[target],
    ...Object.keys(LIBRARY_TEXTS),
    LIBRARY_MODULE,
    'client',
    'topic',
    'msg',
    'math',
    'random',
    'umqtt',
    'network',
  ];
}

/**
 * MicroPython refuses identifiers longer than 255 bytes ("name too long") and Blockly spells each
 * non-ASCII character of a pupil's variable or function name as `_XX_XX_XX`: 29 Chinese characters
 * are already too many. Names are cut to MAX_IDENTIFIER; Blockly's getDistinctName still adds a
 * number when two cut names would be the same.
 */
const MAX_IDENTIFIER = 64;

function capIdentifierLength(names: Blockly.Names): Blockly.Names {
  // safeName is private in Blockly's typings; every name Blockly makes goes through it.
  const db = names as unknown as { safeName(name: string): string };
  const safeName = db.safeName.bind(db);
  db.safeName = (name: string): string => safeName(name).slice(0, MAX_IDENTIFIER);
  return names;
}

/**
 * A parameter listed in its own function's `global` line is a SyntaxError in CPython and
 * MicroPython ("name 'x' is parameter and global"). Blockly writes one when a saved procedure call
 * names its parameters by variable id instead of by name; the parameter is dropped from the line.
 */
export function withoutGlobalParameters(code: string): string {
  return code.replace(/^(def \w+\(([^)]*)\):\n)([ \t]+)global ([^\n]+)\n/m, (_all, head: string, params: string, indent: string, names: string) => {
    const parameters = new Set(params.split(',').map((name) => name.trim()));
    const kept = names.split(',').map((name) => name.trim()).filter((name) => !parameters.has(name));
    return kept.length === 0 ? head : `${head}${indent}global ${kept.join(', ')}\n`;
  });
}

/** The hat-ness of a block decides whether its `next` chain is its own script (not the main program). */
function isHatBlock(block: Blockly.Block): boolean {
  return !block.previousConnection && !block.outputConnection && block.type.startsWith('mqtt_');
}

export class BoardGenerator extends PythonGenerator {
  private parts: ProgramParts;
  /** The language of main.py's comments (the library's texts are chosen by the caller). */
  locale: Locale = 'en';
  /** Set by the first pass: did the program use the MQTT client? */
  private usedClient = false;
  /** The parts of the last program made, for callers that need more than main.py's text. */
  lastParts: ProgramParts;
  constructor(readonly target: Target) {
    super(target === 'micropython' ? 'MicroPython' : 'Python');
    this.parts = emptyProgram(target);
    this.lastParts = this.parts;
    // Four spaces, as in the library and in PEP 8 (Blockly's default is two).
    this.INDENT = '    ';
    Object.assign(this.forBlock, pythonGenerator.forBlock);
    for (const spec of blocksFor('board')) {
      this.forBlock[qualifiedOpcode(spec)] = (block) => this.generateMqttBlock(spec, block);
    }
    for (const type of ['procedures_defreturn', 'procedures_defnoreturn']) {
      const blocklyGenerate = pythonGenerator.forBlock[type];
      this.forBlock[type] = (block, generator) => {
        const result = blocklyGenerate.call(this, block, generator as unknown as PythonGenerator);
        const definitions = this.definitions_ as Record<string, string>;
        for (const key of Object.keys(definitions)) definitions[key] = withoutGlobalParameters(definitions[key]);
        return result;
      };
    }
    this.addReservedWords(reservedNames(target).join(','));
  }

  /** The one escaping function, also for Blockly's own text blocks (Blockly's drops newlines). */
  override quote_(value: string): string {
    return pythonString(value);
  }

  override multiline_quote_(value: string): string {
    return pythonString(value);
  }

  /** Blockly writes block comments through prefixLines(text, '# '): keep each comment on its comment lines. */
  override prefixLines(text: string, prefix: string): string {
    return super.prefixLines(prefix.startsWith('#') ? pythonCommentText(text) : text, prefix);
  }

  override init(workspace: Blockly.Workspace): void {
    if (!this.nameDB_) {
      // Created here rather than in super.init, which names the variables right away.
      this.nameDB_ = capIdentifierLength(new Blockly.Names(this.RESERVED_WORDS_));
    }
    super.init(workspace);
    this.PASS = `${this.INDENT}pass\n`;
    this.parts = emptyProgram(this.target);
  }

  override workspaceToCode(workspace?: Blockly.Workspace): string {
    // Two passes: only a program with an MQTT client needs loops to keep serving it (the loop trap).
    this.INFINITE_LOOP_TRAP = null;
    const plain = super.workspaceToCode(workspace);
    if (!this.usedClient) {
      return plain;
    }
    this.INFINITE_LOOP_TRAP = this.target === 'micropython' ? 'client.check_msg()  # keep MQTT going\n' : 'client.loop()  # keep MQTT going\n';
    return super.workspaceToCode(workspace);
  }

  /**
   * Blockly follows a `next` chain by recursion (blockToCode → scrub_ → blockToCode): a chain of a
   * few thousand blocks overflows the stack. Here the chain is walked in a loop instead.
   */
  override blockToCode(block: Blockly.Block | null, opt_thisOnly?: boolean): string | [string, number] {
    if (block === null || opt_thisOnly || isHatBlock(block)) {
      return super.blockToCode(block, opt_thisOnly);
    }
    let code = '';
    for (let current: Blockly.Block | null = block; current !== null; current = current.getNextBlock()) {
      const piece = super.blockToCode(current, true);
      if (Array.isArray(piece)) {
        return piece; // a value block: no chain
      }
      code += piece;
    }
    return code;
  }

  override scrub_(block: Blockly.Block, code: string, thisOnly?: boolean): string {
    // A hat's script is its callback body, not part of the main program.
    return isHatBlock(block) ? code : super.scrub_(block, code, thisOnly);
  }

  override finish(code: string): string {
    const blocklyDefinitions = Object.values(this.definitions_ as Record<string, string>).map((definition) => this.forTarget(definition));
    const program = assembleMain({ parts: this.parts, locale: this.locale, blocklyDefinitions, mainCode: code, indent: this.INDENT });
    this.usedClient = this.parts.library.has('client');
    this.lastParts = this.parts;
    super.finish('');
    return program;
  }

  /**
   * Blockly's "change by", "average of list" and similar blocks import `Number` from CPython's
   * `numbers` module, which MicroPython does not have: the program would stop at its first line on
   * a board. A tuple of the number types answers the same isinstance() question there.
   */
  private forTarget(definition: string): string {
    if (this.target === 'micropython' && definition === 'from numbers import Number') {
      return 'Number = (int, float)  # MicroPython has no numbers module';
    }
    return definition;
  }

  requireRuntime(part: RuntimePart): void {
    this.parts.library.add(part);
  }

  registerHat(block: Blockly.Block, table: HatTable, nameHint: string, key?: string): string {
    const name = this.nameDB_!.getDistinctName(nameHint, Blockly.Names.NameType.PROCEDURE);
    const next = block.getNextBlock();
    let body = next ? this.prefixLines(this.blockToCode(next) as string, this.INDENT) : '';
    if (body.trim() === '') {
      body = this.PASS;
    }
    // Blockly variables are module globals: the callback declares the ones its script uses.
    const variableIds = new Set(block.getDescendants(false).flatMap((b) => b.getVarModels().map((v) => v.getId())));
    const globals = [...variableIds].map((id) => this.getVariableName(id)).sort();
    const globalLine = globals.length > 0 ? `${this.INDENT}global ${globals.join(', ')}\n` : '';
    const parameters = table === 'message' ? 'topic, msg' : '';
    this.parts.hatFunctions.push(`def ${name}(${parameters}):\n${globalLine}${body}`.replace(/\n+$/, ''));
    this.parts.hatTables[table].push({ key, name });
    return name;
  }

  private generateMqttBlock(spec: BlockSpec, block: Blockly.Block): string | [string, number] {
    if (!spec.codegen) {
      return '';
    }
    const result = spec.codegen[this.target](new BlockContext(block, this));
    if (typeof result === 'string') {
      return result;
    }
    const expression: Expression = result;
    return [expression.code, PRECEDENCE[expression.precedence]];
  }
}
