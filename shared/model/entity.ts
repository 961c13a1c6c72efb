// Low-level access to one entity map: typed getters that tolerate whatever a peer
// or an old file put there (a wrong type reads as the default, never throws), and
// setters that keep text in Y.Text.
import * as Y from 'yjs';
import { applyTextChange } from './text';

export function getText(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

export function getNumber(map: Y.Map<unknown>, key: string, fallback = 0): number {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function getString(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

export function getOneOf<T extends string>(
  map: Y.Map<unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = map.get(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function getStringList(map: Y.Map<unknown>, key: string): string[] {
  const value = map.get(key);
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().filter((item): item is string => typeof item === 'string');
}

/** Sets a text field with the smallest edit; creates the Y.Text on first use. */
export function setText(map: Y.Map<unknown>, key: string, next: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    applyTextChange(current, next);
    return;
  }
  map.set(key, new Y.Text(next));
}

/** Replaces a list with the fewest removals and insertions. */
export function setStringList(map: Y.Map<unknown>, key: string, next: readonly string[]): void {
  let list = map.get(key);
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<string>();
    map.set(key, list);
  }
  const array = list as Y.Array<unknown>;
  const current = array.toArray();
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent > start) array.delete(start, endCurrent - start);
  if (endNext > start) array.insert(start, next.slice(start, endNext));
}

export function newEntity(
  id: string,
  values: Readonly<Record<string, string | number>>,
  texts: Readonly<Record<string, string>>,
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  for (const [key, value] of Object.entries(values)) map.set(key, value);
  for (const [key, value] of Object.entries(texts)) map.set(key, new Y.Text(value));
  return map;
}
