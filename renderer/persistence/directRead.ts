// Reads one workshop's list row and stored updates with the browser's IndexedDB
// API itself. The page's first, small script (main.tsx) uses it to start loading
// the workshop it opens on while Dexie and the rest of the app are still being
// compiled (docs/benchmarks.md, cold start). It only ever reads: it opens whatever
// version of the database exists and never creates or upgrades one. Anything it
// does not expect (no database yet, another layout, an error) gives null, and the
// app then reads through Dexie as always.
import type { WorkshopRow } from './db';
import { DATABASE_NAME, UPDATES_BY_WORKSHOP, UPDATES_TABLE, WORKSHOPS_TABLE } from './dbSchema';

export interface DirectRead {
  readonly row: WorkshopRow | undefined;
  /** Oldest first. */
  readonly updates: Uint8Array[];
}

export function readWorkshopDirectly(
  id: string,
  databaseName: string = DATABASE_NAME,
  factory: IDBFactory = indexedDB,
): Promise<DirectRead | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(databaseName);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: leave its creation to Dexie (aborting creates nothing).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const database = request.result;
      // Never stand in the way of a version change (Dexie upgrading, another tab).
      database.onversionchange = () => database.close();
      const done = (result: DirectRead | null) => {
        database.close();
        resolve(result);
      };
      try {
        const transaction = database.transaction([WORKSHOPS_TABLE, UPDATES_TABLE], 'readonly');
        const row = transaction.objectStore(WORKSHOPS_TABLE).get(id);
        const updates = transaction
          .objectStore(UPDATES_TABLE)
          .index(UPDATES_BY_WORKSHOP)
          .getAll(id);
        transaction.oncomplete = () =>
          done({
            row: row.result as WorkshopRow | undefined,
            updates: (updates.result as { update: Uint8Array }[]).map((stored) => stored.update),
          });
        transaction.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}
