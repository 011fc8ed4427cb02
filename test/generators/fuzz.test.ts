/**
 * Fuzzing the board code generators with hostile text. A seeded pseudo-random generator builds
 * workspaces whose every text (topics, messages, SSID, passwords, username, JSON path and document,
 * last will, Blockly text blocks, variable and function names, block comments) is drawn from a nasty
 * alphabet: quotes, backslashes, control characters, triple quotes, `#`, braces, `%`, `$`, Chinese,
 * emoji, line and paragraph separators, and now and then a very long string. (Lone surrogates cannot
 * be in a JSON workspace saved by an editor and are left out.)
 *
 * MicroPython: every program runs in the real interpreter with the strict stand-ins, and each string
 * must reach its recorded call exactly (Wi-Fi, will, login, publishes, subscriptions, the hat's echo).
 * Python: every program is parsed by Debian's python3 (`ast`), and every string must be among its
 * string constants.
 */
import { spawnSync } from 'node:child_process';
import { generateFromWorkspaceJson } from '../../src/generators/headless';
import { runMicroPythonBatch } from '../support/micropython/batch';
import { bytesText, callsOf, type RunResult, type Scenario } from '../support/micropython/run';
import { DEBIAN_PYTHON, checkTool, describeWithTool } from '../support/system-tool';

const SEED = 0x6d717474; // "mqtt"
const CASES = 300;
/** Generation stops starting new cases after this long (the suite must stay quick on slow machines). */
const GENERATE_BUDGET_MS = 60000;
const BATCH = 50;

jest.setTimeout(240000);

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "'", '"', '`', '\\', '\n', '\r', '\r\n', '\t', '\0', '\0' + '1', "'''", '"""', '#', '# ', '{', '}', '{0}', '%', '%s', '%(x)s',
  '$', '${x}', '\\x', '\\u', '\\N{', '\\0', "\\'", 'a', 'Z', '0', '9', ' ', '.', '/', '+', '温度', '传感器', '你好"', '😀', '𝄞',
  '👨‍👩‍👧', '\u0007', '\u0008', '\u000b', '\u000c', '\u001a', '\u001b', '\u001c', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029',
  '\ufeff', '\ufffd', 'é', 'e\u0301', '\u200b', '\u202e', '\uffff', "');import os#", '"""+"', 'print(1)', '\nprint(1)\n',
];

function nastyString(random: () => number, maxPieces = 12): string {
  const roll = random();
  if (roll < 0.05) return '';
  let count = 1 + Math.floor(random() * maxPieces);
  if (roll > 0.97) count = 500 + Math.floor(random() * 1500); // very long
  let text = '';
  for (let i = 0; i < count; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

interface Strings {
  ssid: string;
  wifiPassword: string;
  willMessage: string;
  willTopic: string;
  user: string;
  password: string;
  variableName: string;
  variableValue: string;
  publishTopic: string;
  joinA: string;
  joinB: string;
  optionsTopic: string;
  jsonKey: string;
  jsonValue: string;
  subscribeTopic: string;
  functionName: string;
  functionMessage: string;
  printed: string;
  hatTopic: string;
  echoTopic: string;
  payload: string;
  comments: string[];
}

interface Case {
  index: number;
  strings: Strings;
  qos: string;
  retain: string;
  workspace: Record<string, unknown>;
}

const text = (value: string): Record<string, unknown> => ({ shadow: { type: 'text', fields: { TEXT: value } } });
const textBlock = (value: string): Record<string, unknown> => ({ block: { type: 'text', fields: { TEXT: value } } });

/** A typed topic the Scratch rules accept (no + or #, no NUL): a broken one is refused while generating. */
const validTopic = (value: string): string => value.replace(/[+#]/g, '').split('\u0000').join('');

function makeCase(index: number, random: () => number): Case {
  const r = (): string => nastyString(random);
  const strings: Strings = {
    ssid: r(),
    wifiPassword: r(),
    willMessage: r(),
    willTopic: validTopic(`w/${r()}`),
    user: `u${r()}`,
    password: r(),
    variableName: `v${r()}`,
    variableValue: r(),
    publishTopic: validTopic(`p/${r()}`),
    joinA: r(),
    joinB: r(),
    optionsTopic: validTopic(`q/${r()}`),
    // No dots or brackets (path steps) and no space at either end (steps are trimmed, as in Scratch).
    jsonKey: `k${r().replace(/[.[\]]/g, '')}k`,
    jsonValue: r(),
    subscribeTopic: validTopic(`s/${r()}`),
    // The editor trims a function's name as it is typed (Blockly's rename validator) and its calls use that name.
    functionName: `f${nastyString(random, 4)}`.trim(),
    functionMessage: r(),
    printed: r(),
    // A literal hat topic (no wildcards), so the delivered message matches exactly this filter.
    hatTopic: validTopic(`h/${r()}`),
    echoTopic: validTopic(`e/${r()}`),
    payload: r(),
    comments: Array.from({ length: 12 }, () => (random() < 0.5 ? r() : '')),
  };
  const qos = String(Math.floor(random() * 3));
  const retain = random() < 0.5 ? 'no' : 'yes';
  const s = strings;
  let comment = 0;
  const commented = (block: Record<string, unknown>): Record<string, unknown> => {
    const note = s.comments[comment++ % s.comments.length];
    return note === '' ? block : { ...block, icons: { comment: { text: note, pinned: false, height: 80, width: 160 } } };
  };
  const chain = [
    { type: 'mqtt_wifiConnect', inputs: { SSID: text(s.ssid), PASSWORD: text(s.wifiPassword) } },
    { type: 'mqtt_setLastWill', inputs: { MESSAGE: text(s.willMessage), TOPIC: text(s.willTopic) } },
    { type: 'mqtt_connect', inputs: { URL: text('mqtt://127.0.0.1:1883'), USERNAME: text(s.user), PASSWORD: text(s.password) } },
    { type: 'variables_set', fields: { VAR: { id: 'fuzz-var' } }, inputs: { VALUE: textBlock(s.variableValue) } },
    {
      type: 'mqtt_publish',
      inputs: { MESSAGE: { block: { type: 'variables_get', fields: { VAR: { id: 'fuzz-var' } } } }, TOPIC: text(s.publishTopic) },
    },
    {
      type: 'mqtt_publishWithOptions',
      fields: { QOS: qos, RETAIN: retain },
      inputs: {
        MESSAGE: { block: { type: 'text_join', extraState: { itemCount: 2 }, inputs: { ADD0: textBlock(s.joinA), ADD1: textBlock(s.joinB) } } },
        TOPIC: text(s.optionsTopic),
      },
    },
    {
      type: 'mqtt_publish',
      inputs: {
        MESSAGE: { block: { type: 'mqtt_jsonValue', inputs: { PATH: text(s.jsonKey), JSON: text(JSON.stringify({ [s.jsonKey]: s.jsonValue })) } } },
        TOPIC: text('j'),
      },
    },
    { type: 'mqtt_subscribe', fields: { QOS: qos }, inputs: { TOPIC: text(s.subscribeTopic) } },
    { type: 'procedures_callnoreturn', extraState: { name: s.functionName } },
    { type: 'text_print', inputs: { TEXT: textBlock(s.printed) } },
  ].map(commented);
  let main: Record<string, unknown> | undefined;
  for (const block of chain.reverse()) main = main ? { ...block, next: { block: main } } : block;
  const hatBody = commented({
    type: 'mqtt_publish',
    inputs: { MESSAGE: { block: { type: 'mqtt_message' } }, TOPIC: text(s.echoTopic) },
    next: { block: commented({ type: 'mqtt_publish', inputs: { MESSAGE: { block: { type: 'mqtt_topic' } }, TOPIC: text('e2') } }) },
  });
  const workspace = {
    variables: [{ name: s.variableName, id: 'fuzz-var' }],
    blocks: {
      languageVersion: 0,
      blocks: [
        { ...main, x: 0, y: 0 },
        commented({
          type: 'procedures_defnoreturn',
          x: 600,
          y: 0,
          fields: { NAME: s.functionName },
          inputs: { STACK: { block: { type: 'mqtt_publish', inputs: { MESSAGE: text(s.functionMessage), TOPIC: text('f') } } } },
        }),
        { type: 'mqtt_whenMessage', x: 0, y: 800, inputs: { TOPIC: text(s.hatTopic) }, next: { block: hatBody } },
      ],
    },
  };
  return { index, strings, qos, retain, workspace };
}

const random = prng(SEED);
const cases = Array.from({ length: CASES }, (_, index) => makeCase(index, random));

/** Shortens a failing value for the report; the seed and case number reproduce it exactly. */
const show = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 400 ? `${json.slice(0, 400)}... (${json.length} chars)` : json;
};

interface Generated {
  fuzz: Case;
  micropython: string;
  python: string;
}

let generated: Generated[] = [];
let generateMs = 0;

beforeAll(() => {
  const start = Date.now();
  generated = [];
  for (const fuzz of cases) {
    if (Date.now() - start > GENERATE_BUDGET_MS) break;
    generated.push({
      fuzz,
      micropython: generateFromWorkspaceJson(fuzz.workspace, 'micropython'),
      python: generateFromWorkspaceJson(fuzz.workspace, 'python'),
    });
  }
  generateMs = Date.now() - start;
});

test('the generators take every hostile workspace (bounded count and time)', () => {
  console.log(`fuzz: seed ${SEED}, ${generated.length} of ${CASES} workspaces generated for both targets in ${generateMs} ms`);
  expect(generated.length).toBeGreaterThanOrEqual(Math.min(CASES, 100));
});

/** What must hold for one case's MicroPython run; returns the mismatches. */
function checkMicroPython(fuzz: Case, result: RunResult): string[] {
  const s = fuzz.strings;
  const problems: string[] = [];
  const expectEqual = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: got ${show(actual)}, want ${show(expected)}`);
  };
  if (result.error) problems.push(`raised ${result.error.type}: ${result.error.message.slice(0, 400)}`);
  expectEqual('WLAN.connect', callsOf(result, 'WLAN.connect')[0]?.args, [s.ssid, s.wifiPassword]);
  const will = callsOf(result, 'set_last_will')[0];
  expectEqual('set_last_will', will && [bytesText(will.args[0]), bytesText(will.args[1])], [s.willTopic, s.willMessage]);
  const client = callsOf(result, 'MQTTClient')[0];
  expectEqual('login', client && [bytesText(client.kwargs.user), bytesText(client.kwargs.password)], [s.user, s.password]);
  const qos = fuzz.qos === '2' ? 1 : Number(fuzz.qos);
  expectEqual(
    'publishes',
    callsOf(result, 'publish').map((call) => [bytesText(call.args[0]), bytesText(call.args[1]), call.kwargs.qos, call.kwargs.retain]),
    [
      [s.publishTopic, s.variableValue, 0, false],
      [s.optionsTopic, s.joinA + s.joinB, qos, fuzz.retain === 'yes'],
      ['j', s.jsonValue, 0, false],
      ['f', s.functionMessage, 0, false],
      [s.echoTopic, s.payload, 0, false],
      ['e2', s.hatTopic, 0, false],
    ],
  );
  expectEqual(
    'subscriptions',
    callsOf(result, 'subscribe').map((call) => [bytesText(call.args[0]), call.kwargs.qos]).sort(),
    [[s.hatTopic, 0], [s.subscribeTopic, qos]].sort(),
  );
  // The runner splits printed text at line breaks; compare where that cannot blur the value.
  // eslint-disable-next-line no-control-regex -- these control characters are exactly the line breaks to look for
  if (!/[\r\n\u2028\u2029\u0085\u000b\u000c\u001c-\u001e]/.test(s.printed)) {
    // The interpreter's stdout reaches us through a TextDecoder, which drops a leading BOM.
    const printed = s.printed.replace(/^\ufeff/, '');
    if (!result.stdout.includes(printed)) problems.push(`printed: ${show(printed)} not in ${show(result.stdout)}`);
  }
  return problems;
}

describe('MicroPython: every fuzzed program compiles and each string arrives exactly (real interpreter, stand-ins)', () => {
  test('all cases', async () => {
    const start = Date.now();
    const failures: string[] = [];
    for (let from = 0; from < generated.length; from += BATCH) {
      const slice = generated.slice(from, from + BATCH);
      const results = await runMicroPythonBatch(
        slice.map(({ fuzz, micropython }) => {
          const scenario: Scenario = { max_check_msg: 3, events: { '2': [{ topic: fuzz.strings.hatTopic, payload: fuzz.strings.payload }] } };
          return { program: micropython, scenario };
        }),
      );
      results.forEach((result, i) => {
        const problems = checkMicroPython(slice[i].fuzz, result);
        if (problems.length > 0) failures.push(`case ${slice[i].fuzz.index} (seed ${SEED}):\n  ${problems.join('\n  ')}`);
      });
    }
    console.log(`fuzz: ${generated.length} MicroPython programs run in ${Date.now() - start} ms`);
    expect(failures.slice(0, 5).join('\n')).toBe('');
  });
});

const pythonAst = checkTool('Debian python3', DEBIAN_PYTHON, ['-c', 'import ast'], 'apt-get install -y python3');

/** Parses each program with CPython's ast and returns its string constants (or the SyntaxError). */
const AST_SCRIPT = `
import ast, json, sys
out = []
for source in json.load(sys.stdin):
    try:
        tree = ast.parse(source)
        out.append({'constants': [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]})
    except (SyntaxError, ValueError) as error:
        out.append({'error': repr(error)})
json.dump(out, sys.stdout)
`;

describeWithTool(pythonAst, 'Python: every fuzzed program parses in CPython and holds each string as a constant', () => {
  test('all cases', () => {
    const start = Date.now();
    const failures: string[] = [];
    for (let from = 0; from < generated.length; from += BATCH) {
      const slice = generated.slice(from, from + BATCH);
      const parsed = spawnSync(DEBIAN_PYTHON, ['-c', AST_SCRIPT], {
        input: JSON.stringify(slice.map((g) => g.python)),
        encoding: 'utf8',
        timeout: 60000,
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(parsed.stderr).toBe('');
      const results = JSON.parse(parsed.stdout) as Array<{ constants?: string[]; error?: string }>;
      results.forEach((result, i) => {
        const { fuzz } = slice[i];
        const s = fuzz.strings;
        if (result.error) {
          failures.push(`case ${fuzz.index}: ${result.error}`);
          return;
        }
        const constants = new Set(result.constants);
        const wanted = [
          s.willMessage, s.willTopic, s.user, s.password, s.variableValue, s.publishTopic, s.joinA, s.joinB, s.optionsTopic,
          s.jsonKey, JSON.stringify({ [s.jsonKey]: s.jsonValue }), s.subscribeTopic, s.functionMessage, s.printed, s.hatTopic, s.echoTopic,
        ];
        const missing = wanted.filter((value) => !constants.has(value));
        if (missing.length > 0) failures.push(`case ${fuzz.index}: missing constants ${missing.map(show).join(', ')}`);
      });
    }
    console.log(`fuzz: ${generated.length} Python programs parsed by ${DEBIAN_PYTHON} in ${Date.now() - start} ms`);
    expect(failures.slice(0, 5).join('\n')).toBe('');
  });
});

describe('block comments cannot end their comment line', () => {
  // Python and MicroPython both read a lone CR as a line break; Blockly's comment lines split at LF only.
  const workspace = (note: string): Record<string, unknown> => ({
    blocks: {
      languageVersion: 0,
      blocks: [{ type: 'text_print', x: 0, y: 0, icons: { comment: { text: note, pinned: false, height: 80, width: 160 } }, inputs: { TEXT: text('hi') } }],
    },
  });
  test.each(["note\rprint('INJECTED')", "a\r\nprint('INJECTED')", 'nul\u0000byte', "x\u2028print('INJECTED')", "\u0085print('INJECTED')"])(
    '%j',
    async (note) => {
      for (const target of ['micropython', 'python'] as const) {
        const program = generateFromWorkspaceJson(workspace(note), target);
        expect(program).not.toMatch(/[\r\0\u2028\u2029\u0085]/);
        expect(program.split('\n').filter((line) => /INJECTED/.test(line)).every((line) => line.startsWith('#'))).toBe(true);
      }
      const [result] = await runMicroPythonBatch([{ program: generateFromWorkspaceJson(workspace(note), 'micropython') }]);
      expect(result.error).toBeNull();
      expect(result.stdout).toEqual(['hi']);
    },
  );
});

describe('long non-ASCII variable and function names', () => {
  // Blockly spells 温 as _E6_B8_A9: 40 Chinese characters made a 360-character identifier, which
  // MicroPython refuses ("name too long", limit 255 bytes). Two names that share a long beginning stay apart.
  const long = '温度传感器'.repeat(8);
  const workspace = {
    variables: [
      { name: `${long}甲`, id: 'a' },
      { name: `${long}乙`, id: 'b' },
    ],
    blocks: {
      languageVersion: 0,
      blocks: [
        {
          type: 'variables_set',
          x: 0,
          y: 0,
          fields: { VAR: { id: 'a' } },
          inputs: { VALUE: textBlock('first') },
          next: {
            block: {
              type: 'variables_set',
              fields: { VAR: { id: 'b' } },
              inputs: { VALUE: textBlock('second') },
              next: { block: { type: 'procedures_callnoreturn', extraState: { name: long } } },
            },
          },
        },
        {
          type: 'procedures_defnoreturn',
          x: 600,
          y: 0,
          fields: { NAME: long },
          inputs: {
            STACK: {
              block: {
                type: 'text_print',
                inputs: { TEXT: { block: { type: 'variables_get', fields: { VAR: { id: 'a' } } } } },
                next: { block: { type: 'text_print', inputs: { TEXT: { block: { type: 'variables_get', fields: { VAR: { id: 'b' } } } } } } },
              },
            },
          },
        },
      ],
    },
  };

  test('compile and run in MicroPython, each variable its own', async () => {
    const program = generateFromWorkspaceJson(workspace, 'micropython');
    const identifiers = program.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    expect(Math.max(...identifiers.map((name) => name.length))).toBeLessThanOrEqual(70);
    const [result] = await runMicroPythonBatch([{ program }]);
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual(['first', 'second']);
  });
});
