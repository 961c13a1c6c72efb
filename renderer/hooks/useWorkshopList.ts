// The start screen's view of the database: the workshop list, live, and the
// actions on it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../app/database';
import type { WorkshopRow } from '../persistence/db';
import {
  createWorkshop,
  deleteWorkshop,
  duplicateWorkshop,
  ensureDemoWorkshop,
  listWorkshops,
  renameWorkshop,
  restoreWorkshop,
} from '../persistence/workshops';

export type WorkshopSummary = Readonly<WorkshopRow>;

/** undefined while loading. */
export function useWorkshopList(): WorkshopSummary[] | undefined {
  return useLiveQuery(() => listWorkshops(db), []);
}

export function useWorkshopListActions() {
  return useMemo(
    () => ({
      create: (title: string) => createWorkshop(db, title),
      openDemo: () => ensureDemoWorkshop(db),
      rename: (id: string, title: string) => renameWorkshop(db, id, title),
      duplicate: (id: string, copyTitle: (title: string) => string) =>
        duplicateWorkshop(db, id, copyTitle),
      remove: (id: string) => deleteWorkshop(db, id),
      restore: (id: string) => restoreWorkshop(db, id),
    }),
    [],
  );
}
