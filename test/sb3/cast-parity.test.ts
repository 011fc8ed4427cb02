/**
 * Scratch's casting and comparison rules, as a parity table: every operator of the board subset on
 * awkward values, computed by scratch-vm's own blocks (Cast, the operator and list blocks) and by
 * the board library's Scratch section in real MicroPython (WebAssembly) and in Debian's CPython.
 * Results are compared as Scratch would show them (Cast.toString), so number formatting counts too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runMicroPython } from '../support/micropython/run';
import { checkTool, DEBIAN_PYTHON, describeWithTool } from '../support/system-tool';
import { scratchSection } from '../../src/sb3/library/runtime-section';

jest.setTimeout(60000);

interface CastModule {
  toNumber(value: unknown): number;
  toString(value: unknown): string;
  toBoolean(value: unknown): boolean;
}
type OperatorBlocks = Record<string, (args: Record<string, unknown>) => unknown>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scratch-vm's own source files, loaded by Node (not jest) as the harness does
const { nativeRequire } = require('../support/native-require') as { nativeRequire: (id: string) => unknown };
const VM_SRC = path.join(__dirname, '..', '..', 'node_modules', 'scratch-vm', 'src');
const Cast = nativeRequire(path.join(VM_SRC, 'util', 'cast.js')) as CastModule;
const Operators = nativeRequire(path.join(VM_SRC, 'blocks', 'scratch3_operators.js')) as new (runtime: object) => OperatorBlocks;
const operators = new Operators({});

type Value = string | number | boolean;

const VALUES: Value[] = [
  '10', '9', '', ' ', 'abc', 'ABC', '0x1F', '1e3', '1e', '.5', '5.', '-0', 'Infinity', '-Infinity', 'inf', 'NaN',
  '1_000', '  12  ', '\t7\n', 'true', 'false', 'FALSE', '0', 0, 1, 1.5, -2.5, 0.1, 1e21, 123456789012345680000, true, false,
  '中文', '12abc', '0b101', '0o17', '+5', '-.5', '١٢', '3.14159', '1e-7', '-', '+', '0.1',
];
const PAIR_VALUES: Value[] = ['10', '9', '', ' ', 'abc', 'ABC', '1e3', 'Infinity', '-Infinity', '0x1F', 0, 1.5, true, false, '中文', '100', '-0', '0'];
const MATHOPS = ['abs', 'floor', 'ceiling', 'sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'ln', 'log', 'e ^', '10 ^'];
const MATH_INPUTS: Value[] = ['0', '1', '-1', '0.5', '90', '180', '270', '-90', '45', '2.5', '-2.5', '100', 'abc', '1e3'];

interface Row {
  /** A Python expression over the section's functions. */
  python: string;
  /** What scratch-vm gives. */
  scratch: string;
  /**
   * exp, pow and atan come from the platform's maths library (V8's own, or C's libm on a board):
   * they may differ in the last bit, so these rows compare numbers to 12 significant digits.
   */
  close?: boolean;
}

function py(value: Value): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 ? `${value}.0` : String(value);
  return JSON.stringify(value).replace(/\\u([0-9a-f]{4})/gi, '\\u$1');
}

function rows(): Row[] {
  const table: Row[] = [];
  const add = (python: string, scratch: unknown, close = false): void => {
    table.push({ python, scratch: Cast.toString(scratch), close });
  };
  for (const v of VALUES) {
    add(`num(${py(v)})`, Cast.toNumber(v));
    add(`to_text(${py(v)})`, Cast.toString(v));
    add(`to_bool(${py(v)})`, Cast.toBoolean(v));
    add(`length_of(${py(v)})`, operators.length({ STRING: v }));
    add(`round_number(${py(v)})`, operators.round({ NUM: v }));
    add(`letter_of(2, ${py(v)})`, operators.letterOf({ LETTER: 2, STRING: v }));
  }
  for (const a of PAIR_VALUES) {
    for (const b of PAIR_VALUES) {
      add(`less(${py(a)}, ${py(b)})`, operators.lt({ OPERAND1: a, OPERAND2: b }));
      add(`equals(${py(a)}, ${py(b)})`, operators.equals({ OPERAND1: a, OPERAND2: b }));
      add(`greater(${py(a)}, ${py(b)})`, operators.gt({ OPERAND1: a, OPERAND2: b }));
      add(`(num(${py(a)}) + num(${py(b)}))`, operators.add({ NUM1: a, NUM2: b }));
      add(`(num(${py(a)}) - num(${py(b)}))`, operators.subtract({ NUM1: a, NUM2: b }));
      add(`(num(${py(a)}) * num(${py(b)}))`, operators.multiply({ NUM1: a, NUM2: b }));
      add(`divide(${py(a)}, ${py(b)})`, operators.divide({ NUM1: a, NUM2: b }));
      add(`modulo(${py(a)}, ${py(b)})`, operators.mod({ NUM1: a, NUM2: b }));
      add(`join(${py(a)}, ${py(b)})`, operators.join({ STRING1: a, STRING2: b }));
      add(`contains(${py(a)}, ${py(b)})`, operators.contains({ STRING1: a, STRING2: b }));
    }
  }
  for (const op of MATHOPS) {
    for (const v of MATH_INPUTS) add(`math_of(${py(op)}, num(${py(v)}))`, operators.mathop({ OPERATOR: op, NUM: v }), true);
  }
  // Numbers as Scratch writes them (the most visible difference: 2 not 2.0, 0.30000000000000004, 1e+21).
  const arithmetic: Array<[string, number]> = [
    ['0.1 + 0.2', 0.1 + 0.2], ['1 / 3', 1 / 3], ['2 / 3 * 3', (2 / 3) * 3], ['1e21', 1e21], ['1e20', 1e20], ['1e-7', 1e-7],
    ['0.000001', 0.000001], ['-2.5e-10', -2.5e-10], ['2 ** 53', 2 ** 53], ['21.5', 21.5], ['100 / 7', 100 / 7], ['-0.0', -0],
    ['1e16', 1e16], ['123456.789', 123456.789], ['2 ** 70', 2 ** 70],
  ];
  for (const [expression, value] of arithmetic) add(`to_text(float(${expression}))`, value);
  // Lists as one text: letters run together, anything else with spaces.
  add("list_text(['a', 'b', 'c'])", 'abc');
  add("list_text(['a', 'bc'])", 'a bc');
  add("list_text(['1', 2.0, True])", '1 2 true');
  add("list_find(['a', '10', 'x'], 10.0)", 2);
  add("list_find(['A'], 'a')", 1);
  add("list_item(['a', 'b'], 'last')", 'b');
  add("list_item(['a', 'b'], '1.9')", 'a');
  add("list_item(['a', 'b'], 3.0)", '');
  // pick random where the stage's answer does not depend on chance: equal or infinite ends.
  const RANDOM_ENDS: Value[] = ['5', 5, '5.0', 'Infinity', '-Infinity', 'abc', '1', '1.5', 'NaN'];
  for (const a of RANDOM_ENDS) {
    for (const b of RANDOM_ENDS) {
      const answers = new Set(Array.from({ length: 20 }, () => Cast.toString(operators.random({ FROM: a, TO: b }))));
      if (answers.size === 1) add(`pick_random(${py(a)}, ${py(b)})`, [...answers][0]);
    }
  }
  return table;
}

const TABLE = rows();

function program(): string {
  // Expressions as one JSON text, evaluated one by one: a 3,000-item literal overflows MicroPython's parser stack.
  const cases = JSON.stringify(JSON.stringify(TABLE.map((row) => row.python)));
  return [
    'import time',
    'import json',
    '_client = None',
    scratchSection('en'),
    `CASES = json.loads(${cases})`,
    'out = []',
    'for case in CASES:',
    '    try:',
    '        out.append(to_text(eval(case)))',
    '    except Exception as error:',
    "        out.append('error: ' + repr(error))",
    "print('RESULT' + json.dumps(out))",
  ].join('\n');
}

function same(row: Row, result: string): boolean {
  if (result === row.scratch) return true;
  if (!row.close) return false;
  const [a, b] = [Number(result), Number(row.scratch)];
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function mismatches(results: string[]): string[] {
  return TABLE.flatMap((row, i) => (same(row, results[i]) ? [] : [`${row.python}: Scratch ${JSON.stringify(row.scratch)}, board ${JSON.stringify(results[i])}`]));
}

test('the table is big enough to mean something', () => {
  expect(TABLE.length).toBeGreaterThan(3000);
});

test('MicroPython (WebAssembly) gives what Scratch gives for every case', async () => {
  const result = await runMicroPython(program(), { max_check_msg: 1 }, 60000);
  expect(result.error).toBeNull();
  const line = result.stdout.join('\n').split('RESULT')[1];
  const results = JSON.parse(line) as string[];
  expect(results).toHaveLength(TABLE.length);
  expect(mismatches(results)).toEqual([]);
});

describeWithTool(checkTool('python3', DEBIAN_PYTHON, ['--version'], 'apt-get install -y python3'), 'CPython', () => {
  test('CPython gives what Scratch gives for every case', () => {
    const run = spawnSync(DEBIAN_PYTHON, ['-'], { input: program(), encoding: 'utf8', timeout: 30000, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout.split('RESULT')[1]) as string[];
    expect(mismatches(results)).toEqual([]);
  });
});
