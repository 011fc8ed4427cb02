/** Message payloads: bytes in, text out, never an exception. */

// `fatal: false` replaces invalid byte sequences with U+FFFD instead of throwing.
const decoder = new TextDecoder('utf-8', { fatal: false });

export function decodePayload(payload: Uint8Array): string {
  return decoder.decode(payload);
}

/** What a block argument publishes: numbers and booleans as their text, lists as Scratch shows them. */
export function payloadText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Scratch joins a list of single characters without spaces ("abc"), any other list with spaces.
  if (Array.isArray(value)) {
    const singleLetters = value.every((item) => typeof item === 'string' && item.length === 1);
    return value.map(payloadText).join(singleLetters ? '' : ' ');
  }
  // Anything else (Scratch passes only the kinds above) still becomes some text rather than a crash.
  return String(value); // eslint-disable-line @typescript-eslint/no-base-to-string -- a last resort; '[object Object]' beats throwing
}
