import { decodePayload, payloadText } from '../../src/session/payload';

describe('decodePayload', () => {
  test('Chinese text round-trips through UTF-8 bytes', () => {
    const text = '温度 21.5°C，你好 😀';
    expect(decodePayload(new TextEncoder().encode(text))).toBe(text);
    expect(decodePayload(Buffer.from(text, 'utf8'))).toBe(text);
  });

  test.each([
    [[0xff], '\ufffd'],
    [[0x68, 0x69, 0xc3], 'hi\ufffd'], // truncated 2-byte sequence at the end
    [[0x61, 0x80, 0x62], 'a\ufffdb'], // lone continuation byte
    [[0xe4, 0xbd, 0x61], '\ufffda'], // 3-byte sequence cut short
    [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'], // UTF-16 surrogate encoded in UTF-8 is invalid
  ])('invalid bytes %j become U+FFFD without throwing', (bytes, text) => {
    expect(() => decodePayload(Uint8Array.from(bytes))).not.toThrow();
    expect(decodePayload(Uint8Array.from(bytes))).toBe(text);
  });

  test('a stream of random bytes never throws', () => {
    let x = 12345;
    const bytes = new Uint8Array(4096).map(() => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x & 0xff;
    });
    expect(typeof decodePayload(bytes)).toBe('string');
  });

  test('empty payload is empty text', () => {
    expect(decodePayload(new Uint8Array())).toBe('');
  });

  test('decoding is stateless between messages (a split character does not leak into the next)', () => {
    const bytes = new TextEncoder().encode('你');
    expect(decodePayload(bytes.subarray(0, 2))).toBe('\ufffd');
    expect(decodePayload(new TextEncoder().encode('ok'))).toBe('ok');
  });
});

describe('payloadText', () => {
  test.each([
    ['hello', 'hello'],
    ['', ''],
    [42, '42'],
    [21.5, '21.5'],
    [-3, '-3'],
    [0, '0'],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
  ])('%j publishes as %j', (value, text) => {
    expect(payloadText(value)).toBe(text);
  });

  test('lists publish as Scratch shows them', () => {
    expect(payloadText(['hello', 'world', 3])).toBe('hello world 3');
    expect(payloadText([])).toBe('');
    // Scratch shows a list of single characters without spaces.
    expect(payloadText(['a', 'b', 'c'])).toBe('abc');
  });
});
