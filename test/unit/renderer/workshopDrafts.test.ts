// A workshop's private document on this device (private cards and hidden votes,
// stored under "<workshopId>:drafts") goes where the workshop goes: purged with it
// at the next start, kept while it is only deleted (undo can bring it back), and not
// copied when the workshop is duplicated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDraft } from '../../../shared/facilitation/drafts';
import { addPrivateVote } from '../../../shared/facilitation/privateVotes';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import { draftsDocId } from '../../../renderer/persistence/draftsDoc';
import { UpdateLog } from '../../../renderer/persistence/updateLog';
import {
  createWorkshop,
  deleteWorkshop,
  duplicateWorkshop,
  purgeDeletedWorkshops,
} from '../../../renderer/persistence/workshops';

let db: WerkstattDb;
let counter = 0;

afterEach(async () => {
  db.close();
  await db.delete();
});

/** Saves a private document with a draft and a hidden dot for the workshop, as the app does. */
async function writePrivateDocument(workshopId: string, text: string): Promise<void> {
  const drafts = new Y.Doc();
  const log = await UpdateLog.open(db, draftsDocId(workshopId), drafts);
  addDraft(drafts, { participantId: 'ben', phaseId: 'p', fieldId: 'f', text, createdAt: 1 });
  addPrivateVote(drafts, 'ben:dot1', { item: 'card', phase: 'v', at: 1 });
  await log.close();
}

function draftRows(workshopId: string): Promise<number> {
  return db.updates.where('workshopId').equals(draftsDocId(workshopId)).count();
}

describe('a workshop’s private document on this device', () => {
  it('is purged with its workshop, and only with it', async () => {
    db = openDatabase(`werkstatt-drafts-${Date.now()}-${counter++}`);
    const gone = await createWorkshop(db, 'Weg');
    const keep = await createWorkshop(db, 'Bleibt');
    await writePrivateDocument(gone, 'Privat: weg');
    await writePrivateDocument(keep, 'Privat: bleibt');
    expect(await draftRows(gone)).toBeGreaterThan(0);

    await deleteWorkshop(db, gone);
    // Deleted but restorable until the next start: the drafts wait with it.
    expect(await draftRows(gone)).toBeGreaterThan(0);
    expect(await purgeDeletedWorkshops(db)).toBe(1);
    expect(await draftRows(gone)).toBe(0);
    expect(await db.updates.where('workshopId').equals(gone).count()).toBe(0);
    expect(await draftRows(keep)).toBeGreaterThan(0);
    expect(await db.updates.where('workshopId').equals(keep).count()).toBeGreaterThan(0);
  });

  it('is not copied when the workshop is duplicated', async () => {
    db = openDatabase(`werkstatt-drafts-${Date.now()}-${counter++}`);
    const original = await createWorkshop(db, 'Original');
    await writePrivateDocument(original, 'Privat: nur hier');
    const copy = await duplicateWorkshop(db, original, (title) => `${title} (Kopie)`);
    expect(await draftRows(copy)).toBe(0);
    expect(await draftRows(original)).toBeGreaterThan(0);
    const copiedRows = await db.updates.where('workshopId').equals(copy).toArray();
    for (const row of copiedRows) {
      expect(Buffer.from(row.update).includes(Buffer.from('Privat: nur hier'))).toBe(false);
    }
  });
});
