/**
 * A small list the teacher's browser remembers between lessons (pins, controls), in localStorage.
 * Whatever is stored is read defensively: another version of the page, or a hand edit, may have
 * left anything there, and a bad entry is dropped rather than breaking the page.
 */
import { readStorage, writeStorage } from '../common/locale-choice';

export function loadList<T>(key: string, accept: (raw: unknown) => T | null, max: number): T[] {
  const text = readStorage(key);
  if (text === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const items: T[] = [];
  for (const entry of raw.slice(0, max)) {
    const item = accept(entry);
    if (item !== null) items.push(item);
  }
  return items;
}

/** Returns false when the browser would not store it (private mode, full): the page keeps working. */
export function saveList<T>(key: string, items: readonly T[]): boolean {
  return writeStorage(key, JSON.stringify(items));
}
