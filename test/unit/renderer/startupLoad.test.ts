// The workshop a page opens on is loaded from the database (read directly, without
// Dexie) before the app has started: the workshop screen that opens it first gets
// exactly what is stored, saves what is edited afterwards, and nothing else ever
// uses that load (another workshop, a later open or one after the route changed load
// afresh). Where it cannot read ahead, the workshop opens the usual way.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../../shared/model/commands';
import { listCards, listFields } from '../../../shared/model/read';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import { loadWorkshopUpdate } from '../../../renderer/persistence/updateLog';
import {
  createWorkshop,
  deleteWorkshop,
  ensureDemoWorkshop,
} from '../../../renderer/persistence/workshops';
import { startLoadingWorkshop, takeWorkshopLoad } from '../../../renderer/session/startupLoad';
import {
  openWorkshopSession,
  WorkshopNotFoundError,
} from '../../../renderer/session/workshopSession';

let databases: WerkstattDb[] = [];
let counter = 0;

function freshDb(): WerkstattDb {
  const db = openDatabase(`werkstatt-startup-${Date.now()}-${counter++}`);
  databases.push(db);
  return db;
}

afterEach(async () => {
  takeWorkshopLoad('');
  for (const db of databases) {
    db.close();
    await db.delete();
  }
  databases = [];
});

async function storedCardTexts(db: WerkstattDb, id: string): Promise<string[]> {
  const doc = new Y.Doc();
  const stored = await loadWorkshopUpdate(db, id);
  if (stored.update) Y.applyUpdate(doc, stored.update);
  return listCards(doc).map((card) => card.text);
}

describe('loading the workshop the app starts on', () => {
  it('hands the load to the first open of that workshop, once', async () => {
    const db = freshDb();
    const id = await ensureDemoWorkshop(db);
    startLoadingWorkshop(id, new EventTarget(), db.name);
    const loading = takeWorkshopLoad(id);
    expect(loading).toBeDefined();
    expect(takeWorkshopLoad(id)).toBeUndefined();

    const session = await openWorkshopSession(db, id, 'Anna', loading);
    expect(listCards(session.doc).map((card) => card.text)).toEqual(await storedCardTexts(db, id));
    expect(listFields(session.doc)).toHaveLength(5);
    await session.close();
  });

  it('saves what is edited after opening from the load', async () => {
    const db = freshDb();
    const id = await ensureDemoWorkshop(db);
    startLoadingWorkshop(id, new EventTarget(), db.name);
    const session = await openWorkshopSession(db, id, 'Anna', takeWorkshopLoad(id));
    const [field] = listFields(session.doc);
    addCard(session.doc, field?.id ?? '', { text: 'Nach dem Öffnen geschrieben' });
    await session.close();
    expect(await storedCardTexts(db, id)).toContain('Nach dem Öffnen geschrieben');
  });

  it('is not used for another workshop, nor once the route has changed', async () => {
    const db = freshDb();
    const first = await createWorkshop(db, 'Erste');
    const second = await createWorkshop(db, 'Zweite');
    startLoadingWorkshop(first, new EventTarget(), db.name);
    expect(takeWorkshopLoad(second)).toBeUndefined();
    expect(takeWorkshopLoad(first)).toBeUndefined();

    const page = new EventTarget();
    startLoadingWorkshop(first, page, db.name);
    page.dispatchEvent(new Event('hashchange'));
    expect(takeWorkshopLoad(first)).toBeUndefined();
  });

  it('reports a workshop deleted before the app started as not found', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Gelöscht');
    await deleteWorkshop(db, id);
    startLoadingWorkshop(id, new EventTarget(), db.name);
    await expect(openWorkshopSession(db, id, 'Anna', takeWorkshopLoad(id))).rejects.toBeInstanceOf(
      WorkshopNotFoundError,
    );
  });

  it('opens as usual when there is no database to read ahead from, and creates none', async () => {
    const db = freshDb();
    const id = await ensureDemoWorkshop(db);
    const missing = `${db.name}-missing`;
    startLoadingWorkshop(id, new EventTarget(), missing);
    const loading = takeWorkshopLoad(id);
    expect(await loading).toBeNull();
    const session = await openWorkshopSession(db, id, 'Anna', loading);
    expect(listFields(session.doc)).toHaveLength(5);
    await session.close();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(missing);
  });

  it('leaves a database of another layout to the usual way of opening', async () => {
    const other = `werkstatt-other-${counter++}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(other, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('elsewhere');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    startLoadingWorkshop('any', new EventTarget(), other);
    expect(await takeWorkshopLoad('any')).toBeNull();
    indexedDB.deleteDatabase(other);
  });
});
