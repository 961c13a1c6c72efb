// The local database's layout, apart from Dexie: db.ts declares it to Dexie, and
// directRead.ts reads a workshop with the browser's own IndexedDB API before Dexie
// has even been loaded. Keeping both on these names keeps them reading one layout.

export const DATABASE_NAME = 'werkstatt';

export const WORKSHOPS_TABLE = 'workshops';
export const UPDATES_TABLE = 'updates';
/** The index of the updates table by workshop (its records come in `seq` order within one). */
export const UPDATES_BY_WORKSHOP = 'workshopId';

/** Dexie's schema, version 1: primary key first, then the indexes. */
export const SCHEMA_V1 = {
  [WORKSHOPS_TABLE]: 'id, updatedAt',
  [UPDATES_TABLE]: `++seq, ${UPDATES_BY_WORKSHOP}`,
} as const;
