/**
 * `[PATH] of JSON [JSON]`: reads `sensors.0.value` or `sensors[0].value` out of a JSON text.
 * Anything that is not there (bad JSON, missing key) reads as '' so a script never stops on it.
 */

export type ScratchValue = string | number | boolean;

function pathSteps(path: string): string[] {
  // `a[0].b` and `a.0.b` mean the same; empty steps (leading dot, doubled dots) are ignored.
  return path
    .replace(/\[(\w*)\]/g, '.$1')
    .split('.')
    .map((step) => step.trim())
    .filter((step) => step.length > 0);
}

function toScratch(value: unknown): ScratchValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function jsonValueAt(jsonText: string, path: string): ScratchValue {
  let current: unknown;
  try {
    current = JSON.parse(jsonText);
  } catch {
    return '';
  }
  for (const step of pathSteps(path)) {
    if (current === null || typeof current !== 'object') return '';
    if (!Object.prototype.hasOwnProperty.call(current, step)) return '';
    current = (current as Record<string, unknown>)[step];
  }
  try {
    return toScratch(current);
  } catch {
    // Nesting deeper than JSON.stringify's recursion (a few thousand levels) must not stop the script.
    return '';
  }
}
