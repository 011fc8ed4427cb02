/**
 * The one function that turns text from a block into Python source. Every topic, message, SSID and
 * password goes through it, so no input can end the string early or smuggle in code.
 *
 * The literal works for CPython 3 and MicroPython alike: single quotes; backslash, quote and every
 * control character escaped (`\x00` rather than `\0`, which would swallow following digits);
 * printable non-ASCII (Chinese) kept as is so the code stays readable; lone surrogates, which no
 * UTF-8 source file can hold, become U+FFFD.
 */
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeChar(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) {
    return named;
  }
  const code = char.codePointAt(0) ?? 0;
  // C0 and C1 controls, DEL, and the Unicode line/paragraph separators some editors break lines on.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return `\\x${code.toString(16).padStart(2, '0')}`;
  }
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    return '\ufffd';
  }
  return char;
}

export function pythonString(value: string): string {
  // Iterating a JS string by code point keeps surrogate pairs (emoji) together.
  return `'${Array.from(value, escapeChar).join('')}'`;
}

/**
 * Text for `# ` comment lines (Blockly block comments). Blockly splits comments into lines at LF
 * only, but CPython and MicroPython also end a line at a lone CR: a comment holding "\rcode" would
 * turn that code into a statement. Every line break (CR, CRLF, and the separators editors break
 * lines on, NEL U+0085 included, which CPython refuses even in a comment) becomes LF, so each
 * piece gets its own `# `; other control characters (CPython refuses NUL anywhere in a source file)
 * and lone surrogates become U+FFFD.
 */
export function pythonCommentText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- control characters are what we look for: they would end the comment line
    .replace(/\r\n?|[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[\u0000-\u0008\u000e-\u001b\u001f\u007f-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
