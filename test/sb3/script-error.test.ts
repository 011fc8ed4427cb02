/**
 * A Scratch project whose script fails on the board (test/fixtures/sb3/script-error.sb3: a my block
 * calling itself deeper than a board's stack goes): main.py generated from the .sb3, with its
 * library beside it, runs in MicroPython (WebAssembly) and in Debian's CPython against a live broker.
 * The pupil sees the "Error in …" line in their language, then the standard traceback naming
 * main.py's line of the call that failed; the other script goes on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Target } from '../../blocks/codegen';
import type { BoardProgram } from '../../src/generators/program';
import type { Locale } from '../../src/i18n/locales';
import { readProject } from '../../src/sb3/read-project';
import { translateProject } from '../../src/sb3/translate';
import { runMicroPython } from '../support/micropython/run';
import { PythonProgram } from '../support/python-program';
import { describeWithTool, pahoCheck } from '../support/system-tool';
import { startTestBroker, type TestBroker } from '../support/test-broker';

jest.setTimeout(60000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'sb3', 'script-error.sb3');
/** The generated my block's recursive call (main.py's line the traceback must name). */
const RECURSIVE_CALL = 'yield from sprite1_count_down_from('

async function generate(target: Target, locale: Locale, broker: string): Promise<{ program: BoardProgram; callLine: number }> {
  const project = await readProject(readFileSync(FIXTURE), 'script-error.sb3');
  const result = translateProject(project, { target, locale, projectName: 'script-error', broker });
  if (!result.program) throw new Error(`unsupported: ${result.unsupported.map((u) => u.opcode).join(', ')}`);
  const lines = result.program.main.text.split('\n');
  const callLine = lines.findIndex((line) => line.trim().startsWith(RECURSIVE_CALL)) + 1;
  expect(callLine).toBeGreaterThan(0);
  return { program: result.program, callLine };
}

function libraryFiles(program: BoardProgram): Record<string, string> {
  return { [program.library!.name]: program.library!.text };
}

test('MicroPython: the Chinese "Error in" line, then the traceback with main.py\'s line; the other script goes on', async () => {
  const { program, callLine } = await generate('micropython', 'zh-cn', 'mqtt://192.168.1.2:1883');
  const result = await runMicroPython(program.main.text, { max_check_msg: 20000, max_virtual_ms: 2000 }, 30000, libraryFiles(program));
  expect(result.error).toBeNull();
  const out = result.stdout.join('\n');
  const failures = out.split('sprite1_when_i_receive_start 出错：RuntimeError');
  expect(failures).toHaveLength(2);
  // The harness runs main.py's text as "<string>" (a board names it main.py).
  expect(failures[1]).toMatch(new RegExp(`^.*\\nTraceback \\(most recent call last\\):\\n(  File .*\\n)*  File "<string>", line ${callLine}, in sprite1_count_down_from\\n(.*\\n)*RuntimeError: maximum recursion depth exceeded`));
  expect(result.stdout).toContain('still running 还在运行');
  expect(result.stdout).not.toContain('never here');
});

describeWithTool(pahoCheck(), 'CPython (paho-mqtt) + broker', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startTestBroker();
  });
  afterAll(async () => {
    await broker?.close();
  });

  test('the English "Error in" line, then CPython\'s traceback with main.py\'s line; the other script goes on', async () => {
    const { program, callLine } = await generate('python', 'en', `mqtt://127.0.0.1:${broker.tcpPort}`);
    const python = new PythonProgram(program.main.text, { files: libraryFiles(program) });
    try {
      await python.waitForLine('still running 还在运行', 15000);
      const out = python.lines.join('\n');
      const failures = out.split("Error in sprite1_when_i_receive_start: RecursionError('maximum recursion depth exceeded");
      expect(failures).toHaveLength(2);
      // CPython's own traceback, on stdout right under that line (the program file here is program.py).
      expect(failures[1]).toMatch(new RegExp(`^.*\\nTraceback \\(most recent call last\\):\\n(.*\\n)*  File ".*program\\.py", line ${callLine}, in sprite1_count_down_from\\n(.*\\n)*RecursionError: maximum recursion depth exceeded`));
      expect(python.lines).not.toContain('never here');
      expect(python.errors).toBe('');
    } finally {
      await python.kill();
    }
  });
});
