// @vitest-environment jsdom
// The facilitation runtime of an open workshop on one device (Ben's laptop): its
// private drafts are stored locally under "<workshopId>:drafts" and never in the
// shared document; they are published when the reveal arrives from a peer, or when
// the laptop opens the workshop again after missing the reveal; publishing is not
// on Ben's undo stack; in anonymous mode the cards go out one per transaction.
// Hidden dots likewise stay in the local document, count towards Ben's budget on
// his laptop, and are published when the reveal arrives.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeFeed } from '../../../shared/model/changeFeed';
import { addField, initWorkshop } from '../../../shared/model/commands';
import { createUndoManager } from '../../../shared/model/undo';
import { collection } from '../../../shared/schema/doc';
import { listDrafts } from '../../../shared/facilitation/drafts';
import { joinWorkshop } from '../../../shared/facilitation/participants';
import { writePrivateCard } from '../../../shared/facilitation/privateWriting';
import {
  goToPhase,
  revealPhase,
  setAnonymous,
  startFacilitation,
} from '../../../shared/facilitation/session';
import { setVoteRules } from '../../../shared/facilitation/agenda';
import { writeCard } from '../../../shared/facilitation/cards';
import { privateVoteCount } from '../../../shared/facilitation/privateVotes';
import { privateVotesMap } from '../../../shared/facilitation/voteEntries';
import { castVote, readVoteEntries } from '../../../shared/facilitation/votes';
import { valueRoot } from '../../../shared/schema/doc';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import { SAVE_DELAY_MS } from '../../../renderer/persistence/updateLog';
import type { WorkshopSession } from '../../../renderer/session/workshopSession';
import { draftsDocId, FacilitationRuntime } from '../../../renderer/hooks/facilitation/runtime';

const WORKSHOP = 'runtime-test';
const HOST = 'hostFrieda';
const BEN = 'benParticipant';
const REMOTE = Symbol('test:remote');

let databases: WerkstattDb[] = [];
let counter = 0;
const open: Y.Doc[] = [];

afterEach(async () => {
  for (const doc of open.splice(0)) doc.destroy();
  await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS));
  for (const db of databases) {
    db.close();
    await db.delete();
  }
  databases = [];
});

function freshDb(): WerkstattDb {
  const db = openDatabase(`werkstatt-runtime-${Date.now()}-${counter++}`);
  databases.push(db);
  return db;
}

function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

function hostWorkshop() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Werkstatt' });
  const fieldId = addField(doc, { title: 'Bürgerservice' });
  startFacilitation(doc, { hostId: HOST, hostName: 'Frieda', now: 1 });
  joinWorkshop(doc, BEN, 'Ben', 2);
  return { doc, fieldId };
}

/** Ben's laptop opening the workshop: a replica, its runtime, drafts loaded. */
async function bensLaptop(host: Y.Doc, db: WerkstattDb) {
  const doc = new Y.Doc();
  open.push(doc);
  pull(doc, host);
  const session = {
    id: WORKSHOP,
    doc,
    feed: new ChangeFeed(doc),
    undo: createUndoManager(doc),
    getConnection: () => null,
    clockSamples: () => [],
    onClockSample: () => () => {},
  } as unknown as WorkshopSession;
  const runtime = new FacilitationRuntime(session, { me: BEN, db });
  runtime.activate('Ben');
  await expect.poll(() => runtime.isDraftsReady()).toBe(true);
  return { doc, runtime, session };
}

async function storedDraftRows(db: WerkstattDb): Promise<Uint8Array[]> {
  const rows = await db.updates.where('workshopId').equals(draftsDocId(WORKSHOP)).toArray();
  return rows.map((row) => row.update);
}

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

describe('the facilitation runtime', () => {
  it('keeps drafts on the device and publishes them when the reveal arrives', async () => {
    const { doc: host, fieldId } = hostWorkshop();
    const db = freshDb();
    const ben = await bensLaptop(host, db);
    const text = 'Privat: Parkplatzsensoren in der Altstadt';
    const draftId = writePrivateCard(ben.doc, ben.runtime.drafts, BEN, { fieldId, text, now: 3 });
    expect(draftId).toBeDefined();

    await expect
      .poll(async () => (await storedDraftRows(db)).some((row) => contains(row, text)))
      .toBe(true);
    expect(contains(Y.encodeStateAsUpdate(ben.doc), text)).toBe(false);
    const sharedRows = await db.updates.where('workshopId').equals(WORKSHOP).toArray();
    expect(sharedRows.some((row) => contains(row.update, text))).toBe(false);

    revealPhase(host, HOST, 10);
    pull(ben.doc, host);
    await expect.poll(() => collection(ben.doc, 'cards').has(draftId ?? '')).toBe(true);
    expect(ben.session.undo.canUndo()).toBe(false);
    expect(listDrafts(ben.runtime.drafts, { pending: true })).toEqual([]);
  });

  it('publishes drafts that missed the reveal when the workshop opens again', async () => {
    const { doc: host, fieldId } = hostWorkshop();
    const db = freshDb();
    const first = await bensLaptop(host, db);
    const text = 'Geschrieben, dann Laptop zugeklappt';
    const draftId = writePrivateCard(first.doc, first.runtime.drafts, BEN, {
      fieldId,
      text,
      now: 3,
    });
    pull(host, first.doc);
    await expect
      .poll(async () => (await storedDraftRows(db)).some((row) => contains(row, text)))
      .toBe(true);
    first.doc.destroy();

    revealPhase(host, HOST, 10);
    expect(collection(host, 'cards').has(draftId ?? '')).toBe(false);

    const again = await bensLaptop(host, db);
    await expect.poll(() => collection(again.doc, 'cards').has(draftId ?? '')).toBe(true);
    pull(host, again.doc);
    expect(collection(host, 'cards').has(draftId ?? '')).toBe(true);
  });

  it('publishes anonymous drafts one card per transaction', async () => {
    const { doc: host, fieldId } = hostWorkshop();
    setAnonymous(host, HOST, true);
    const ben = await bensLaptop(host, freshDb());
    for (const text of ['Eins', 'Zwei', 'Drei']) {
      writePrivateCard(ben.doc, ben.runtime.drafts, BEN, { fieldId, text, now: 3 });
    }
    // Card count after every transaction that changed it.
    const rounds: number[] = [];
    ben.doc.on('afterTransaction', () => {
      const size = collection(ben.doc, 'cards').size;
      if (size !== (rounds.at(-1) ?? 0)) rounds.push(size);
    });
    revealPhase(host, HOST, 10);
    pull(ben.doc, host);
    await expect.poll(() => collection(ben.doc, 'cards').size, { timeout: 5_000 }).toBe(3);
    expect(rounds).toEqual([1, 2, 3]);
  });

  it('keeps hidden dots in the local document and publishes them at the reveal', async () => {
    const { doc: host, fieldId } = hostWorkshop();
    const card = writeCard(host, HOST, { fieldId, text: 'Bürgerkonto', now: 2 }) as string;
    setVoteRules(host, HOST, 'default-vote', { budget: 2, hiddenUntilReveal: true });
    goToPhase(host, HOST, 'default-vote', 3);
    const db = freshDb();
    const ben = await bensLaptop(host, db);
    const ballots = ben.runtime.drafts;
    expect(castVote(ben.doc, BEN, card, { hostNow: 4, ballots })).toBe(true);
    const [key] = Array.from(privateVotesMap(ballots).keys()) as [string];

    // Ben's laptop counts the dot; it is on disk only in the private document.
    await expect.poll(() => ben.runtime.votes.get()?.remaining).toBe(1);
    expect(ben.runtime.votes.get()?.mine.get(card)).toBe(1);
    await expect
      .poll(async () => (await storedDraftRows(db)).some((row) => contains(row, key)))
      .toBe(true);
    const sharedRows = await db.updates.where('workshopId').equals(WORKSHOP).toArray();
    expect(sharedRows.some((row) => contains(row.update, key))).toBe(false);
    pull(host, ben.doc);
    expect(valueRoot(host, 'votes').size).toBe(0);
    expect(ben.runtime.votes.get()?.progress).toEqual({ voted: 1, expected: 1, dots: 1 });

    revealPhase(host, HOST, 10);
    pull(ben.doc, host);
    await expect.poll(() => valueRoot(ben.doc, 'votes').has(key)).toBe(true);
    expect(privateVoteCount(ballots)).toBe(0);
    pull(host, ben.doc);
    expect(readVoteEntries(host, 'default-vote').map((entry) => entry.key)).toEqual([key]);
    expect(ben.runtime.votes.get()?.remaining).toBe(1);
  });
});
