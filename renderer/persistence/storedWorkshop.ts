// Loading a stored workshop for opening: its list row and its document, read from
// the database at the same time, and the document loaded into a new Y.Doc.
import * as Y from 'yjs';
import type { WerkstattDb, WorkshopRow } from './db';
import { applyStoredUpdates, readWorkshopUpdates, type LoadedRows } from './updateLog';

export interface LoadedWorkshop {
  /** Undefined when there is no such workshop. */
  readonly row: WorkshopRow | undefined;
  /** The stored document; left empty when the workshop is missing or deleted. */
  readonly doc: Y.Doc;
  readonly loaded: LoadedRows;
}

export const isOpenable = (row: WorkshopRow | undefined): row is WorkshopRow =>
  row !== undefined && row.deletedAt === null;

/** Loads a workshop's stored updates (oldest first) into a new document. */
export function loadWorkshopDoc(
  row: WorkshopRow | undefined,
  updates: readonly Uint8Array[],
): LoadedWorkshop {
  const doc = new Y.Doc();
  const loaded = isOpenable(row)
    ? applyStoredUpdates(doc, updates)
    : { rows: updates.length, unreadableRows: 0 };
  return { row, doc, loaded };
}

export async function loadStoredWorkshop(db: WerkstattDb, id: string): Promise<LoadedWorkshop> {
  const [row, updates] = await Promise.all([db.workshops.get(id), readWorkshopUpdates(db, id)]);
  return loadWorkshopDoc(row, updates);
}
