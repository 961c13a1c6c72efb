// The local database. One row per workshop for the start screen, and the workshop
// documents as logs of batched Yjs updates (see updateLog.ts for why not y-dexie).
import Dexie, { type EntityTable } from 'dexie';
import type { SessionLink } from '../sync/sessionLink';
import { DATABASE_NAME, SCHEMA_V1 } from './dbSchema';

export { DATABASE_NAME };

export interface WorkshopRow {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Set when the user deleted it; the row and its updates are purged at next start. */
  deletedAt: number | null;
  isDemo: boolean;
  cardCount: number;
  fieldCount: number;
  /** Set for a workshop joined from (or shared through) a session host. */
  link?: SessionLink | null;
}

export interface UpdateRow {
  seq?: number;
  workshopId: string;
  update: Uint8Array;
}

export type WerkstattDb = Dexie & {
  workshops: EntityTable<WorkshopRow, 'id'>;
  updates: EntityTable<UpdateRow, 'seq'>;
};

export function openDatabase(name: string = DATABASE_NAME): WerkstattDb {
  const db = new Dexie(name) as WerkstattDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}
