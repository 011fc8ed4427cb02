/**
 * The simulator's shared-memory pieces without a browser: the output ring (never loses bytes,
 * keeps a Chinese character split across reads whole), the inbox ring (records wrap around the
 * end, a full ring refuses instead of overwriting), and the block line map (made only when the
 * marked program is exactly the program that runs).
 */
import { appendMessage, inboxEmpty, takeMessages } from '../../src/pages/board/simulator/inbox-ring';
import { lineMapFromMarked, mainPyLine } from '../../src/pages/board/simulator/line-map';
import { RingReader, RingWriter } from '../../src/pages/board/simulator/output-ring';
import { createSharedMemory, INBOX_RING_BYTES, OUTPUT_RING_BYTES, Slot } from '../../src/pages/board/simulator/shared-memory';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

describe('output ring', () => {
  test('what the program prints comes out whole and in order, across the wrap, Chinese split between reads included', () => {
    const views = createSharedMemory();
    const writer = new RingWriter(views);
    const reader = new RingReader(views);
    let shown = '';
    const line = '第 N 行：你好，世界 🚀\n';
    // Three times the ring's size, read in pieces: the counters wrap and characters are cut between reads.
    let written = '';
    let writtenBytes = 0;
    while (writtenBytes < OUTPUT_RING_BYTES * 3) {
      const piece = bytes(line.replace('N', String(writtenBytes)));
      writer.write(piece);
      written += text(piece);
      writtenBytes += piece.length;
      shown += reader.read();
    }
    const encoded = bytes('你好');
    writer.write(encoded.subarray(0, 2));
    shown += reader.read();
    writer.write(encoded.subarray(2));
    shown += reader.read();
    expect(shown).toBe(`${written}你好`);
  });

  test('an event position cuts the output exactly where the event happened', () => {
    const views = createSharedMemory();
    const writer = new RingWriter(views);
    const reader = new RingReader(views);
    writer.write(bytes('before\n'));
    const at = writer.position();
    writer.write(bytes('after\n'));
    expect(reader.read(at)).toBe('before\n');
    expect(reader.read()).toBe('after\n');
  });
});

describe('inbox ring', () => {
  test('messages come out in order with their exact bytes, across the end of the ring', () => {
    const views = createSharedMemory();
    const payload = new Uint8Array(100_000).map((_, i) => i % 251);
    const seen: string[] = [];
    for (let round = 0; round < 25; round++) {
      expect(appendMessage(views, { topic: bytes(`主题/${round}`), payload })).toBe(true);
      expect(appendMessage(views, { topic: bytes('t'), payload: new Uint8Array([0xff, 0x00, round]) })).toBe(true);
      for (const message of takeMessages(views, 10, 1 << 20)) {
        seen.push(`${text(message.topic)}:${message.payload.length}:${message.payload[message.payload.length - 1]}`);
        if (message.payload.length === 100_000) expect(Buffer.from(message.payload).equals(Buffer.from(payload))).toBe(true);
      }
    }
    expect(seen).toHaveLength(50);
    expect(seen[48]).toBe(`主题/24:100000:${(100_000 - 1) % 251}`);
    expect(seen[49]).toBe('t:3:24');
    expect(inboxEmpty(views)).toBe(true);
    // 25 rounds of 100 kB went through a 1 MiB ring: it wrapped.
    expect(Atomics.load(views.slots, Slot.inWrite)).toBeGreaterThan(INBOX_RING_BYTES);
  });

  test('a full ring refuses a message rather than overwriting one not yet taken', () => {
    const views = createSharedMemory();
    const big = new Uint8Array(300_000);
    expect(appendMessage(views, { topic: bytes('a'), payload: big })).toBe(true);
    expect(appendMessage(views, { topic: bytes('b'), payload: big })).toBe(true);
    expect(appendMessage(views, { topic: bytes('c'), payload: big })).toBe(true);
    expect(appendMessage(views, { topic: bytes('d'), payload: big })).toBe(false);
    expect(takeMessages(views, 1, 1).map((message) => text(message.topic))).toEqual(['a']);
    expect(appendMessage(views, { topic: bytes('d'), payload: big })).toBe(true);
    expect(takeMessages(views, 10, 10 << 20).map((message) => text(message.topic))).toEqual(['b', 'c', 'd']);
  });
});

describe('block line map', () => {
  const marked = [
    'from mqtt_blocks import MQTTClient',
    "# @@simulator-block 'a'",
    "print('x')",
    'def f():',
    "    # @@simulator-block 'b'",
    '    return 1 / 0',
    'x = 1',
  ].join('\n');
  const plain = ['from mqtt_blocks import MQTTClient', "print('x')", 'def f():', '    return 1 / 0', 'x = 1'].join('\n');

  test('each line of main.py maps to the block that made it; lines after a less indented line do not', () => {
    const map = lineMapFromMarked(marked, plain);
    expect(map === null ? null : [...map]).toEqual([
      [2, 'a'],
      [3, 'a'],
      [4, 'b'],
    ]);
  });

  test('no map when the marked program is not exactly the program that runs', () => {
    expect(lineMapFromMarked(marked, `${plain}\n# changed`)).toBeNull();
  });

  test('the innermost main.py line of a traceback', () => {
    const traceback = 'Traceback (most recent call last):\n  File "main.py", line 12, in <module>\n  File "main.py", line 4, in f\n  File "mqtt_blocks.py", line 90, in run\nZeroDivisionError: divide by zero\n';
    expect(mainPyLine(traceback)).toBe(4);
    expect(mainPyLine('Traceback:\n  File "mqtt_blocks.py", line 9\n')).toBeNull();
  });
});
