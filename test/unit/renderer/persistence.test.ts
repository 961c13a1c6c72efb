// The local database keeps every workshop across restarts: edits are batched into
// few rows, nothing is lost on close, compaction and failures never drop an edit,
// and a damaged row costs only itself.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, addField, initWorkshop, setCardText } from '../../../shared/model/commands';
import { listCards, listFields, readWorkshopInfo } from '../../../shared/model/read';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import {
  COMPACT_AFTER_ROWS,
  SAVE_DELAY_MS,
  UpdateLog,
  compactWorkshop,
  loadWorkshopUpdate,
} from '../../../renderer/persistence/updateLog';
import { createWorkshop } from '../../../renderer/persistence/workshops';

let databases: WerkstattDb[] = [];
let counter = 0;

function freshDb(): WerkstattDb {
  const db = openDatabase(`werkstatt-test-${Date.now()}-${counter++}`);
  databases.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of databases) {
    db.close();
    await db.delete();
  }
  databases = [];
});

async function reopen(db: WerkstattDb, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await loadWorkshopUpdate(db, id);
  if (stored.update) Y.applyUpdate(doc, stored.update);
  return doc;
}

const rowCount = (db: WerkstattDb, id: string) => db.updates.where('workshopId').equals(id).count();

describe('UpdateLog', () => {
  it('saves edits within SAVE_DELAY_MS and restores them in a new document', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Werkstatt A');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const fieldId = addField(doc, { title: 'Bürgerservice digital' });
    addCard(doc, fieldId, { text: 'Online-Terminbuchung', author: 'Bürgerbüro' });
    expect(log.getStatus().state).toBe('saving');
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS * 3));
    expect(log.getStatus().state).toBe('saved');

    const restored = await reopen(db, id);
    expect(readWorkshopInfo(restored).title).toBe('Werkstatt A');
    expect(listFields(restored).map((field) => field.title)).toEqual(['Bürgerservice digital']);
    expect(listCards(restored).map((card) => [card.text, card.author])).toEqual([
      ['Online-Terminbuchung', 'Bürgerbüro'],
    ]);
    await log.close();
  });

  it('batches a burst of single-keystroke transactions into a few rows', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Burst');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const fieldId = addField(doc, { title: 'HF' });
    const cardId = addCard(doc, fieldId, { text: '' });
    const sentence = 'Nachweise hochladen statt per Post schicken';
    for (let end = 1; end <= sentence.length; end++)
      setCardText(doc, cardId, sentence.slice(0, end));
    await log.close();
    // One row from createWorkshop plus one batch: not one row per keystroke.
    expect(await rowCount(db, id)).toBeLessThanOrEqual(3);
    expect(listCards(await reopen(db, id))[0]?.text).toBe(sentence);
  });

  it('writes pending edits on close without waiting for the timer', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Close');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    addField(doc, { title: 'Gerade getippt' });
    await log.close();
    expect(listFields(await reopen(db, id)).map((field) => field.title)).toEqual([
      'Gerade getippt',
    ]);
  });

  it('does not write back what it loaded', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Load only');
    const before = await rowCount(db, id);
    const log = await UpdateLog.open(db, id, new Y.Doc());
    await log.close();
    expect(await rowCount(db, id)).toBe(before);
  });

  it('also saves changes that arrive from other peers', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Remote');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    addField(peer, { title: 'Vom Nachbarlaptop' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote-peer');
    await log.close();
    expect(listFields(await reopen(db, id)).map((field) => field.title)).toEqual([
      'Vom Nachbarlaptop',
    ]);
  });

  it('compacts a long log into one row without losing an edit', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Compaction');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const fieldId = addField(doc, { title: 'HF' });
    for (let index = 0; index <= COMPACT_AFTER_ROWS + 5; index++) {
      addCard(doc, fieldId, { text: `Karte ${index}` });
      await log.flush();
    }
    expect(await rowCount(db, id)).toBeLessThan(10);
    await log.close();
    const texts = listCards(await reopen(db, id)).map((card) => card.text);
    expect(texts).toHaveLength(COMPACT_AFTER_ROWS + 6);
    expect(texts.at(-1)).toBe(`Karte ${COMPACT_AFTER_ROWS + 5}`);
  });

  it('folds the later rows of a large workshop without merging its bulk again', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Groß');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const fieldId = addField(doc, { title: 'HF' });
    for (let index = 0; index < 200; index++) {
      addCard(doc, fieldId, { text: `Karte ${index} mit etwas mehr Text darauf` });
    }
    await log.flush();
    addCard(doc, fieldId, { text: 'Noch eine' });
    await log.flush();
    // The first row is the small one of the new workshop: everything folds.
    expect(await compactWorkshop(db, id)).toBe(1);
    const [bulk] = await db.updates.where('workshopId').equals(id).sortBy('seq');
    for (let index = 0; index < 5; index++) {
      addCard(doc, fieldId, { text: `Neu ${index}` });
      await log.flush();
    }
    // Merging the bulk costs the UI thread ~100 ms on a 2,000-card board: it stays.
    expect(await compactWorkshop(db, id)).toBe(2);
    const [first] = await db.updates.where('workshopId').equals(id).sortBy('seq');
    expect(first?.update).toEqual(bulk?.update);
    await log.close();
    const texts = listCards(await reopen(db, id)).map((card) => card.text);
    expect(texts).toHaveLength(206);
    expect(texts.at(-1)).toBe('Neu 4');
  });

  it('keeps a batch whose write failed, reports the error and retries', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Failure');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    const original = db.transaction.bind(db);
    const spy = vi
      .spyOn(db, 'transaction')
      .mockImplementationOnce((() => Promise.reject(new Error('QuotaExceededError'))) as never);
    addField(doc, { title: 'Darf nicht verloren gehen' });
    await log.flush();
    expect(log.getStatus().state).toBe('error');
    spy.mockImplementation(original as never);
    await log.flush();
    expect(log.getStatus().state).toBe('saved');
    await log.close();
    expect(listFields(await reopen(db, id)).map((field) => field.title)).toEqual([
      'Darf nicht verloren gehen',
    ]);
  });

  it('opens a workshop with a damaged row, keeping every readable edit', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Damaged');
    await db.updates.add({ workshopId: id, update: new Uint8Array([255, 1, 2, 3, 4]) });
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    expect(readWorkshopInfo(doc).title).toBe('Damaged');
    expect(log.getStatus().state).toBe('error');
    expect(log.getStatus().error).toMatch(/damaged/);
    await log.close();
  });

  it('keeps the edits stored after a damaged row', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Damaged');
    await db.updates.add({ workshopId: id, update: new Uint8Array([255, 1, 2, 3, 4]) });
    const writer = await reopen(db, id);
    const changes: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => changes.push(update));
    addField(writer, { title: 'Nach dem Schaden' });
    for (const update of changes) await db.updates.add({ workshopId: id, update });

    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    expect(readWorkshopInfo(doc).title).toBe('Damaged');
    expect(listFields(doc).map((field) => field.title)).toEqual(['Nach dem Schaden']);
    expect(log.getStatus().error).toBe('1 damaged saved change(s) could not be read');
    await log.close();
  });

  it('updates the workshop list entry with title and counts', async () => {
    const db = freshDb();
    const id = await createWorkshop(db, 'Alt');
    const doc = new Y.Doc();
    const log = await UpdateLog.open(db, id, doc);
    initWorkshop(doc, { title: 'Neu' });
    const fieldId = addField(doc, { title: 'HF' });
    addCard(doc, fieldId, { text: 'a' });
    addCard(doc, fieldId, { text: 'b' });
    await log.close();
    const row = await db.workshops.get(id);
    expect(row).toMatchObject({ title: 'Neu', cardCount: 2, fieldCount: 1 });
  });
});
