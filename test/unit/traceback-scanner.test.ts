/**
 * The simulator page finds the tracebacks a program prints itself (the board library's hat runner
 * prints one and goes on) in output that arrives cut anywhere, without holding any output back.
 */
import { mainPyLine } from '../../src/pages/board/simulator/line-map';
import { TracebackScanner, type ScannedOutput } from '../../src/pages/board/simulator/traceback-scanner';

const HAT_ERROR = [
  "on_message_class_broken 出错了：ZeroDivisionError('divide by zero',)",
  'Traceback (most recent call last):',
  '  File "mqtt_blocks.py", line 183, in run',
  '  File "main.py", line 10, in on_message_class_broken',
  'ZeroDivisionError: divide by zero',
  '',
].join('\n');
const OUTPUT = `first 第一\n${HAT_ERROR}class/fine: still here 还在\nMessage to send: `;

function scanAll(scanner: TracebackScanner, parts: string[]): ScannedOutput {
  const all: ScannedOutput = { pieces: [], tracebacks: [] };
  for (const part of parts) {
    const { pieces, tracebacks } = scanner.push(part);
    all.pieces.push(...pieces);
    all.tracebacks.push(...tracebacks);
  }
  return all;
}

const textOf = (scanned: ScannedOutput, kind: 'output' | 'traceback'): string =>
  scanned.pieces
    .filter((piece) => piece.kind === kind)
    .map((piece) => piece.text)
    .join('');

test('output without a traceback passes through at once, a prompt without its newline too', () => {
  const scanned = new TracebackScanner().push('hello\n  indented\nMessage to send: ');
  expect(scanned).toEqual({ pieces: [{ kind: 'output', text: 'hello\n  indented\nMessage to send: ' }], tracebacks: [] });
});

test('a traceback in the output is found whole, with its main.py line, and marked as an error', () => {
  const scanned = new TracebackScanner().push(OUTPUT);
  expect(scanned.tracebacks).toHaveLength(1);
  expect(mainPyLine(scanned.tracebacks[0])).toBe(10);
  expect(scanned.pieces.map((piece) => piece.kind)).toEqual(['output', 'traceback', 'output']);
  expect(textOf(scanned, 'traceback')).toBe(HAT_ERROR.slice(HAT_ERROR.indexOf('Traceback')));
  expect(scanned.pieces.map((piece) => piece.text).join('')).toBe(OUTPUT);
});

test('cut at any point, into two pieces or one character at a time: nothing lost, the same traceback found', () => {
  for (let cut = 0; cut <= OUTPUT.length; cut++) {
    const scanned = scanAll(new TracebackScanner(), [OUTPUT.slice(0, cut), OUTPUT.slice(cut)]);
    expect(scanned.pieces.map((piece) => piece.text).join('')).toBe(OUTPUT);
    expect(scanned.tracebacks.map(mainPyLine)).toEqual([10]);
    // The exception line is part of the error whatever the cut.
    expect(textOf(scanned, 'traceback')).toContain('divide by zero\n');
  }
  const byCharacter = scanAll(new TracebackScanner(), [...OUTPUT]);
  expect(byCharacter.tracebacks.map(mainPyLine)).toEqual([10]);
  expect(textOf(byCharacter, 'output')).toContain('class/fine: still here 还在\n');
});

test('every failure of a hat that fails on each message is found; a new run starts clean', () => {
  const scanner = new TracebackScanner();
  expect(scanAll(scanner, [OUTPUT, OUTPUT, OUTPUT]).tracebacks).toHaveLength(3);
  scanner.push('Traceback (most recent call last):\n  File "main.py", line 3');
  scanner.reset();
  const after = scanner.push('ok\n');
  expect(after).toEqual({ pieces: [{ kind: 'output', text: 'ok\n' }], tracebacks: [] });
});

test('a traceback that never ends keeps a bounded text, its innermost lines', () => {
  const scanner = new TracebackScanner();
  scanner.push('Traceback (most recent call last):\n');
  for (let i = 0; i < 20_000; i++) scanner.push(`  File "main.py", line ${i}, in f\n`);
  const { tracebacks } = scanner.push('RecursionError: maximum recursion depth exceeded\n');
  expect(tracebacks).toHaveLength(1);
  expect(tracebacks[0].length).toBeLessThanOrEqual(8 * 1024);
  expect(mainPyLine(tracebacks[0])).toBe(19_999);
});

test('the header inside a longer line is not a traceback', () => {
  const scanned = new TracebackScanner().push('print: Traceback (most recent call last):\nZeroDivisionError\n');
  expect(scanned.tracebacks).toEqual([]);
  expect(scanned.pieces.every((piece) => piece.kind === 'output')).toBe(true);
});
