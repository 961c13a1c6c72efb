// Asks the browser to keep this app's data even when disk space runs low, where
// it can grant that (the desktop app always can; browsers decide for themselves).
export type StoragePersistence = 'persistent' | 'bestEffort' | 'unknown';

export async function requestPersistentStorage(): Promise<StoragePersistence> {
  if (!navigator.storage?.persist) return 'unknown';
  try {
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'bestEffort';
  } catch {
    return 'unknown';
  }
}
