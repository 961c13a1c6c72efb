// The view-model primitive: reads one value out of the workshop document and
// re-renders only when the part of the document it depends on changed (a change
// key from the ChangeFeed) and the value read is actually different.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ChangeKey } from '../../shared/model/changeFeed';
import { useSession } from './sessionContext';

export type Equality<T> = (a: T, b: T) => boolean;

export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const valueA = (a as Record<string, unknown>)[key];
    const valueB = (b as Record<string, unknown>)[key];
    if (Array.isArray(valueA) && Array.isArray(valueB)) return shallowEqual(valueA, valueB);
    return Object.is(valueA, valueB);
  });
}

export function useDocValue<T>(
  key: ChangeKey,
  read: (doc: Y.Doc) => T,
  isEqual: Equality<T> = shallowEqual,
): T {
  const session = useSession();
  const cache = useRef<{ key: ChangeKey; version: number; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => session.feed.subscribe(key, onChange),
    [session, key],
  );
  const getSnapshot = (): T => {
    const version = session.feed.version(key);
    const cached = cache.current;
    if (cached && cached.key === key && cached.version === version) return cached.value;
    const next = read(session.doc);
    const value = cached && cached.key === key && isEqual(cached.value, next) ? cached.value : next;
    cache.current = { key, version, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * One value read from several parts of the document, such as the texts of a chunk
 * of cards: a subscription per key but one hook, re-rendering when any of them
 * changed and the value read is different. `keys` must keep its identity between
 * renders while it stays the same (memoise it).
 */
export function useDocValues<T>(
  keys: readonly ChangeKey[],
  read: (doc: Y.Doc) => T,
  isEqual: Equality<T> = shallowEqual,
): T {
  const session = useSession();
  const cache = useRef<{ keys: readonly ChangeKey[]; versions: number[]; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribes = keys.map((key) => session.feed.subscribe(key, onChange));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
    [session, keys],
  );
  const getSnapshot = (): T => {
    const cached = cache.current;
    const same = cached !== null && cached.keys === keys;
    if (same && keys.every((key, index) => session.feed.version(key) === cached.versions[index])) {
      return cached.value;
    }
    const next = read(session.doc);
    const value = same && isEqual(cached.value, next) ? cached.value : next;
    cache.current = { keys, versions: keys.map((key) => session.feed.version(key)), value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}
