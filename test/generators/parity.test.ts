/**
 * One meaning everywhere: the parity table (parity-cases.json: JSON paths, topic matching, topic
 * rules, broker addresses, values as message text, invalid UTF-8) runs on the Scratch face's
 * TypeScript, in real MicroPython (WebAssembly) and in CPython, through the board library's shared
 * helpers. Every row agrees, or its `board` result and `why` say how a board differs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBoardUrl } from '../../blocks/board-url';
import { jsonValueAt } from '../../src/session/json-path';
import { decodePayload, payloadText } from '../../src/session/payload';
import { publishTopicProblem, topicFilterProblem, topicMatchesFilter } from '../../src/session/topic-filter';
import { PYTHON_SOURCES } from '../../src/generators/library/python-sources';
import { pythonString } from '../../src/generators/python-literal';
import { runMicroPython } from '../support/micropython/run';
import { DEBIAN_PYTHON, describeWithTool, pahoCheck } from '../support/system-tool';

jest.setTimeout(60000);

interface Row {
  expect: unknown;
  micropython?: unknown;
  python?: unknown;
  why?: string;
}
type Interpreter = 'scratch' | 'micropython' | 'python';
type Cases = Record<'jsonValue' | 'topicMatches' | 'topicRules' | 'brokerAddress' | 'messageText' | 'payloadDecoding', Array<Row & Record<string, unknown>>>;

const casesText = readFileSync(path.join(__dirname, 'parity-cases.json'), 'utf8');
const { note: _note, ...cases } = JSON.parse(casesText) as Cases & { note: string };
const program = `${PYTHON_SOURCES.common}\nCASES = ${pythonString(casesText)}\n${readFileSync(path.join(__dirname, 'parity_runner.py'), 'utf8')}`;

/** What the Scratch face's TypeScript gives for each row. */
function scratchResults(): Record<keyof Cases, unknown[]> {
  return {
    jsonValue: cases.jsonValue.map((c) => payloadText(jsonValueAt(c.json as string, c.path as string))),
    topicMatches: cases.topicMatches.map((c) => topicMatchesFilter(c.filter as string, c.topic as string)),
    topicRules: cases.topicRules.map((c) => [publishTopicProblem(c.topic as string) === null, topicFilterProblem(c.topic as string) === null]),
    brokerAddress: cases.brokerAddress.map((c) => {
      const url = parseBoardUrl(c.url as string);
      return url.ok ? [url.host, url.port] : null;
    }),
    messageText: cases.messageText.map((c) => payloadText(c.value)),
    payloadDecoding: cases.payloadDecoding.map((c) => decodePayload(Uint8Array.from(c.bytes as number[]))),
  };
}

/** The expected results: `expect`, or the documented difference of that interpreter. */
function expected(where: Interpreter): Record<keyof Cases, unknown[]> {
  return Object.fromEntries(
    Object.entries(cases).map(([table, rows]) => [
      table,
      rows.map((row) => (table === 'topicRules' ? [row.publish, row.filter] : where !== 'scratch' && where in row ? row[where] : row.expect)),
    ]),
  ) as Record<keyof Cases, unknown[]>;
}

test('every table has rows, and every board difference says why', () => {
  for (const rows of Object.values(cases)) {
    expect(rows.length).toBeGreaterThan(0);
    rows.filter((row) => 'micropython' in row || 'python' in row).forEach((row) => expect(row.why).toMatch(/\S.{20,}/));
  }
});

test('the Scratch face (TypeScript) gives the expected results', () => {
  expect(scratchResults()).toEqual(expected('scratch'));
});

test('real MicroPython gives the same results through the library', async () => {
  const result = await runMicroPython(program);
  expect(result.error).toBeNull();
  expect(JSON.parse(result.stdout[result.stdout.length - 1])).toEqual(expected('micropython'));
});

describeWithTool(pahoCheck(), 'CPython (Debian python3)', () => {
  test('CPython gives the same results through the library', () => {
    const run = spawnSync(DEBIAN_PYTHON, ['-'], { input: program, encoding: 'utf8', timeout: 30000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(expected('python'));
  });
});
