// The start screen's operations on the workshop list: create, rename, duplicate,
// delete with undo, purge at the next start, and the built-in demo.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listCards, listFields, readWorkshopInfo } from '../../../shared/model/read';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import { loadWorkshopUpdate } from '../../../renderer/persistence/updateLog';
import {
  createWorkshop,
  deleteWorkshop,
  duplicateWorkshop,
  ensureDemoWorkshop,
  listWorkshops,
  purgeDeletedWorkshops,
  renameWorkshop,
  restoreWorkshop,
} from '../../../renderer/persistence/workshops';

let db: WerkstattDb;
let counter = 0;

function freshDb(): WerkstattDb {
  db = openDatabase(`werkstatt-list-${Date.now()}-${counter++}`);
  return db;
}

afterEach(async () => {
  db.close();
  await db.delete();
});

async function docOf(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await loadWorkshopUpdate(db, id);
  if (stored.update) Y.applyUpdate(doc, stored.update);
  return doc;
}

describe('workshop list', () => {
  it('creates, lists newest first and renames in list and document', async () => {
    freshDb();
    const first = await createWorkshop(db, 'Erste Werkstatt');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await createWorkshop(db, 'Zweite Werkstatt');
    expect((await listWorkshops(db)).map((row) => row.id)).toEqual([second, first]);

    await renameWorkshop(db, first, 'Umbenannt');
    expect((await db.workshops.get(first))?.title).toBe('Umbenannt');
    expect(readWorkshopInfo(await docOf(first)).title).toBe('Umbenannt');
  });

  it('duplicates a workshop with all its content under a new title', async () => {
    freshDb();
    const demo = await ensureDemoWorkshop(db);
    const copy = await duplicateWorkshop(db, demo, (title) => `${title} (Kopie)`);
    expect(copy).not.toBe(demo);
    const original = await docOf(demo);
    const copied = await docOf(copy);
    expect(readWorkshopInfo(copied).title).toBe(`${readWorkshopInfo(original).title} (Kopie)`);
    expect(listCards(copied)).toEqual(listCards(original));
    expect(listFields(copied)).toEqual(listFields(original));
    expect((await db.workshops.get(copy))?.isDemo).toBe(false);
  });

  it('hides a deleted workshop, restores it on undo, purges it at the next start', async () => {
    freshDb();
    const keep = await createWorkshop(db, 'Bleibt');
    const gone = await createWorkshop(db, 'Weg');
    await deleteWorkshop(db, gone);
    expect((await listWorkshops(db)).map((row) => row.id)).toEqual([keep]);
    await restoreWorkshop(db, gone);
    expect((await listWorkshops(db)).map((row) => row.id).sort()).toEqual([keep, gone].sort());

    await deleteWorkshop(db, gone);
    expect(await purgeDeletedWorkshops(db)).toBe(1);
    expect(await db.workshops.get(gone)).toBeUndefined();
    expect(await db.updates.where('workshopId').equals(gone).count()).toBe(0);
    expect(readWorkshopInfo(await docOf(keep)).title).toBe('Bleibt');
  });

  it('keeps a workshop deleted since this run started restorable while the purge runs', async () => {
    freshDb();
    const earlier = await createWorkshop(db, 'Im letzten Lauf gelöscht');
    const now = await createWorkshop(db, 'Gerade gelöscht');
    const startedAt = Date.now();
    await db.workshops.update(earlier, { deletedAt: startedAt - 60_000 });
    await deleteWorkshop(db, now);

    expect(await purgeDeletedWorkshops(db, startedAt)).toBe(1);
    expect(await db.workshops.get(earlier)).toBeUndefined();
    await restoreWorkshop(db, now);
    expect((await listWorkshops(db)).map((row) => row.id)).toEqual([now]);
    expect(readWorkshopInfo(await docOf(now)).title).toBe('Gerade gelöscht');
  });

  it('creates the demo once and opens the same one afterwards', async () => {
    freshDb();
    const first = await ensureDemoWorkshop(db);
    const again = await ensureDemoWorkshop(db);
    expect(again).toBe(first);
    const row = await db.workshops.get(first);
    expect(row?.isDemo).toBe(true);
    expect(row?.fieldCount).toBe(5);
    expect(row?.cardCount).toBeGreaterThanOrEqual(25);
  });
});
