/**
 * Which messages a chart can draw (one rule for the dashboard page and the classroom server's chart
 * history, so a reloaded page charts exactly what a page that was open all along charted): a plain number (`21.5`, ` -3 `, `1e3`), or JSON whose leaves
 * include numbers (`{"temp": 21.5, "hum": 40}`, `{"sensors": [{"value": 3}]}`). Everything else
 * (text, `true`, `0x10`, `NaN`, JSON without a number) is not a reading and gets no chart.
 */

/** Field name used for a message that is a plain number. */
export const PLAIN_NUMBER_FIELD = 'value';

/** At most this many lines per chart: more would be unreadable, and bounds memory per topic. */
export const MAX_FIELDS = 8;

/** How deep JSON is searched for numbers (`a.b.c.d`); deeper values are ignored. */
const MAX_DEPTH = 4;

/** Decimal numbers only: `Number()` would also accept `0x10`, `0b1`, `''` and `Infinity`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Field name → value, in the order the fields appear in the message; null when there is none. */
export type Reading = Map<string, number>;

export function readingOf(payload: string): Reading | null {
  const text = payload.trim();
  if (text === '') return null;
  if (DECIMAL.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? new Map([[PLAIN_NUMBER_FIELD, value]]) : null;
  }
  const first = text[0];
  if (first !== '{' && first !== '[') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const reading: Reading = new Map();
  collectNumbers(parsed, '', 0, reading);
  return reading.size > 0 ? reading : null;
}

/** Depth-first, in document order, so the same message shape always gives the same field order. */
function collectNumbers(value: unknown, path: string, depth: number, into: Reading): void {
  if (into.size >= MAX_FIELDS) return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) into.set(path === '' ? PLAIN_NUMBER_FIELD : path, value);
    return;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return;
  // Dotted paths, as the "of JSON" block reads them: sensors.0.value.
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    collectNumbers(item, path === '' ? key : `${path}.${key}`, depth + 1, into);
    if (into.size >= MAX_FIELDS) return;
  }
}

/** The reading of a message as the monitor feed carries it; a cut payload is never half a number or half a JSON object. */
export function readingOfMessage(message: { payload: string; truncated: boolean }): Reading | null {
  return message.truncated ? null : readingOf(message.payload);
}
