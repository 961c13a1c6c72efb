// The workshop list: create, rename, duplicate, delete (undoable) and purge. Each
// change to a workshop's document goes through the same update log as editing.
// A workshop's private document on this device (drafts, hidden votes; draftsDoc.ts)
// is purged with it and not duplicated: it belongs to this device's part in that
// workshop's session, and a copy (a new workshop, e.g. next year's) must not bring
// along unpublished private cards or hidden dots that would appear there at a reveal.
import * as Y from 'yjs';
import { initWorkshop, setWorkshopText } from '../../shared/model/commands';
import { newId } from '../../shared/model/ids';
import { readWorkshopInfo } from '../../shared/model/read';
import { collection } from '../../shared/schema/doc';
import { seedDemo } from '../../shared/demo/seedDemo';
import { PERSISTENCE_ORIGIN } from '../../shared/schema/origin';
import type { SessionLink } from '../sync/sessionLink';
import type { WerkstattDb, WorkshopRow } from './db';
import { draftsDocId } from './draftsDoc';
import { loadWorkshopUpdate } from './updateLog';

export function listWorkshops(db: WerkstattDb): Promise<WorkshopRow[]> {
  return db.workshops
    .orderBy('updatedAt')
    .reverse()
    .filter((row) => row.deletedAt === null)
    .toArray();
}

/** Stores a whole document as a new workshop, list entry and content in one transaction. */
async function storeNewWorkshop(
  db: WerkstattDb,
  doc: Y.Doc,
  options: { isDemo?: boolean } = {},
): Promise<string> {
  const id = newId();
  const now = Date.now();
  const row: WorkshopRow = {
    id,
    title: readWorkshopInfo(doc).title,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    isDemo: options.isDemo ?? false,
    cardCount: collection(doc, 'cards').size,
    fieldCount: collection(doc, 'fields').size,
  };
  await db.transaction('rw', db.workshops, db.updates, async () => {
    await db.workshops.add(row);
    await db.updates.add({ workshopId: id, update: Y.encodeStateAsUpdate(doc) });
  });
  return id;
}

export function createWorkshop(db: WerkstattDb, title: string): Promise<string> {
  const doc = new Y.Doc();
  initWorkshop(doc, { title });
  return storeNewWorkshop(db, doc);
}

/** Opens the demo workshop, creating it on first use. */
export async function ensureDemoWorkshop(db: WerkstattDb): Promise<string> {
  const existing = await db.workshops.filter((row) => row.isDemo && row.deletedAt === null).first();
  if (existing) return existing.id;
  const doc = new Y.Doc();
  seedDemo(doc);
  return storeNewWorkshop(db, doc, { isDemo: true });
}

async function loadDoc(db: WerkstattDb, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await loadWorkshopUpdate(db, id);
  if (stored.update) Y.applyUpdate(doc, stored.update, PERSISTENCE_ORIGIN);
  return doc;
}

export async function renameWorkshop(db: WerkstattDb, id: string, title: string): Promise<void> {
  const doc = await loadDoc(db, id);
  const changes: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => changes.push(update));
  setWorkshopText(doc, 'title', title);
  await db.transaction('rw', db.workshops, db.updates, async () => {
    for (const update of changes) await db.updates.add({ workshopId: id, update });
    await db.workshops.update(id, { title, updatedAt: Date.now() });
  });
}

/** Copies the workshop's shared document only; private drafts and votes stay behind. */
export async function duplicateWorkshop(
  db: WerkstattDb,
  id: string,
  copyTitle: (title: string) => string,
): Promise<string> {
  const doc = await loadDoc(db, id);
  setWorkshopText(doc, 'title', copyTitle(readWorkshopInfo(doc).title));
  return storeNewWorkshop(db, doc);
}

/** Marks a workshop deleted; `restoreWorkshop` undoes it until the next start. */
export async function deleteWorkshop(db: WerkstattDb, id: string): Promise<void> {
  await db.workshops.update(id, { deletedAt: Date.now() });
}

export async function restoreWorkshop(db: WerkstattDb, id: string): Promise<void> {
  await db.workshops.update(id, { deletedAt: null });
}

/**
 * Removes workshops deleted in an earlier run, with all their stored changes and
 * this device's private document of each (drafts, hidden votes). `deletedBefore`
 * (ms since 1970): the start of this run; the app purges a little after it starts
 * (start.tsx), and a workshop deleted meanwhile must stay restorable.
 */
export async function purgeDeletedWorkshops(
  db: WerkstattDb,
  deletedBefore = Number.POSITIVE_INFINITY,
): Promise<number> {
  return db.transaction('rw', db.workshops, db.updates, async () => {
    const deleted = await db.workshops
      .filter((row) => row.deletedAt !== null && row.deletedAt < deletedBefore)
      .toArray();
    for (const row of deleted) {
      await db.updates
        .where('workshopId')
        .anyOf([row.id, draftsDocId(row.id)])
        .delete();
      await db.workshops.delete(row.id);
    }
    return deleted.length;
  });
}

/**
 * Remembers that a workshop syncs through a session host, creating the local
 * workshop (empty; its content arrives from the room) when this device has none.
 */
export async function linkWorkshop(
  db: WerkstattDb,
  id: string,
  title: string,
  link: SessionLink,
): Promise<void> {
  await db.transaction('rw', db.workshops, async () => {
    const existing = await db.workshops.get(id);
    if (existing) {
      await db.workshops.update(id, { link, deletedAt: null });
      return;
    }
    const now = Date.now();
    await db.workshops.add({
      id,
      title,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      isDemo: false,
      cardCount: 0,
      fieldCount: 0,
      link,
    });
  });
}

export async function unlinkWorkshop(db: WerkstattDb, id: string): Promise<void> {
  await db.workshops.update(id, { link: null });
}
