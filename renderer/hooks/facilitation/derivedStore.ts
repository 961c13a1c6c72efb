// A value derived from the workshop document that many components read, computed
// once per change of the document parts it depends on (ChangeFeed keys) rather
// than once per component. Components select a small piece of it (a card's vote
// count, a column's card ids) and re-render only when that piece changes.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ChangeFeed, ChangeKey } from '../../../shared/model/changeFeed';

export type Equality<T> = (a: T, b: T) => boolean;

/** Structural equality for plain data (arrays, records, Maps and Sets of primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqual(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const value of a) if (!b.has(value)) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export class DerivedStore<T> {
  private signature = '';
  private value: { current: T } | null = null;
  private readonly listeners = new Set<() => void>();
  private detach: (() => void) | null = null;
  /**
   * While subscribed, the feed reports every transaction, so the value is known to
   * be current until it does: each read need not build its signature again (2,000
   * cards read these stores several times each per render).
   */
  private current = false;

  /**
   * @param keys the change keys the value depends on, given the last value (so that
   *   e.g. "phases/<id>" can be listed for every phase the value knows of)
   */
  constructor(
    private readonly feed: ChangeFeed,
    private readonly keys: (previous: T | undefined) => readonly ChangeKey[],
    private readonly compute: () => T,
    private readonly isEqual: Equality<T> = deepEqual,
  ) {}

  private currentSignature(): string {
    return this.keys(this.value?.current)
      .map((key) => `${key}#${this.feed.version(key)}`)
      .join('|');
  }

  get = (): T => {
    if (this.current && this.value) return this.value.current;
    const signature = this.currentSignature();
    if (this.value && signature === this.signature) {
      this.current = this.detach !== null;
      return this.value.current;
    }
    const next = this.compute();
    if (!this.value || !this.isEqual(this.value.current, next)) this.value = { current: next };
    this.signature = this.currentSignature();
    this.current = this.detach !== null;
    return this.value.current;
  };

  /** Marks the value stale and tells subscribers (for state outside the document). */
  invalidate(): void {
    this.signature = '';
    this.current = false;
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.detach) {
      this.detach = this.feed.subscribeAll(() => {
        this.current = false;
        if (this.currentSignature() !== this.signature) this.notify();
      });
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.detach) {
        this.detach();
        this.detach = null;
        this.current = false;
      }
    };
  };

  private notify(): void {
    for (const listener of Array.from(this.listeners)) listener();
  }
}

/** A small external store of local (not shared) state. */
export class LocalStore<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}

  get = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of Array.from(this.listeners)) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

interface Readable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * Reads a piece of a store. Re-renders only when the selected piece changes by
 * `isEqual`; selectors should be cheap (they run on every store change).
 */
export function useStoreSelector<T, S>(
  store: Readable<T>,
  select: (value: T) => S,
  isEqual: Equality<S> = Object.is,
): S {
  const cache = useRef<{ selected: S } | null>(null);
  const getSnapshot = () => {
    const selected = select(store.get());
    const cached = cache.current;
    if (cached && isEqual(cached.selected, selected)) return cached.selected;
    cache.current = { selected };
    return selected;
  };
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
