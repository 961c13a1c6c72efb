// A tiny store holding whether storage is persistent, shown on the start screen.
import { useSyncExternalStore } from 'react';
import type { StoragePersistence } from './storage';

let current: StoragePersistence = 'unknown';
const listeners = new Set<() => void>();

export const storagePersistence = {
  set(value: StoragePersistence): void {
    current = value;
    for (const listener of Array.from(listeners)) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): StoragePersistence => current,
};

export function useStoragePersistence(): StoragePersistence {
  return useSyncExternalStore(storagePersistence.subscribe, storagePersistence.get);
}
