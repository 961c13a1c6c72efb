// Private writing: until the facilitator reveals, a private card's text must not be
// on any other laptop, not on screen and not in its database. The draft lives in a
// per-device document that is never synced; the shared document carries only a
// count. At the reveal every device publishes its drafts as cards, exactly once,
// however often and from however many devices publishing runs.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listFacilitatedCards, removeCard } from '../../../../shared/facilitation/cards';
import {
  addDraft,
  deleteDraft,
  listDrafts,
  ownCardIds,
  readDraft,
  setDraftField,
  setDraftText,
} from '../../../../shared/facilitation/drafts';
import { currentPhase, readPhase } from '../../../../shared/facilitation/phases';
import {
  deletePrivateCard,
  readDraftProgress,
  writePrivateCard,
} from '../../../../shared/facilitation/privateWriting';
import { publishableDrafts, publishDrafts } from '../../../../shared/facilitation/publish';
import { advancePhase, revealPhase } from '../../../../shared/facilitation/session';
import { LOCAL_ORIGIN } from '../../../../shared/schema/origin';
import { pull, syncAll, transactionsDuring } from '../helpers';
import {
  BEN,
  CARLA,
  deviceFor,
  facilitated,
  HOST,
  NAMES,
  occurrences,
  recordUpdates,
  T0,
} from './fixture';

const SECRET = 'Geheim: Bürgerkonto für alle Ämter 4711';
const SECRET_2 = 'Geheim: Open-Data-Portal bis 2028';

/** The host, Ben and Carla, each on their own laptop; Ben with his draft document. */
function room() {
  const { doc: host, f1, f2 } = facilitated();
  const ben = deviceFor(host, 2, BEN);
  const carla = deviceFor(host, 3, CARLA);
  syncAll(host, ben, carla);
  const benDrafts = new Y.Doc();
  return { host, ben, carla, benDrafts, f1, f2, phaseId: currentPhase(host)?.id as string };
}

describe('private drafts', () => {
  it('never put the text into the shared document before the reveal', () => {
    const { host, ben, carla, benDrafts, f1, phaseId } = room();
    const sent = recordUpdates(ben);
    const draftId = writePrivateCard(ben, benDrafts, BEN, {
      fieldId: f1,
      text: SECRET,
      now: T0 + 10,
    }) as string;
    expect(draftId).toBeDefined();
    setDraftText(benDrafts, draftId, `${SECRET}!`);
    writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET_2, now: T0 + 20 });
    syncAll(host, ben, carla);

    // The draft document does have it: the byte search finds text where it is.
    expect(occurrences(Y.encodeStateAsUpdate(benDrafts), SECRET)).toBe(1);
    // Nothing that left Ben's laptop, and nothing Carla or the host store, has it.
    for (const bytes of [
      ...sent,
      Y.encodeStateAsUpdate(ben),
      Y.encodeStateAsUpdate(carla),
      Y.encodeStateAsUpdate(host),
    ]) {
      expect(occurrences(bytes, 'Geheim')).toBe(0);
      expect(occurrences(bytes, draftId)).toBe(0);
    }
    expect(listFacilitatedCards(carla)).toEqual([]);
    // The facilitator sees progress: a count, no text.
    expect(readDraftProgress(host, phaseId)).toEqual(new Map([[BEN, 2]]));
  });

  it('refuse to publish before the reveal', () => {
    const { ben, benDrafts, f1 } = room();
    writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET, now: T0 });
    expect(publishableDrafts(ben, benDrafts)).toEqual([]);
    const seen = transactionsDuring(ben, () => expect(publishDrafts(ben, benDrafts)).toEqual([]));
    expect(seen).toHaveLength(0);
    expect(occurrences(Y.encodeStateAsUpdate(ben), 'Geheim')).toBe(0);
  });

  it('are published at the reveal in one transaction, as normal cards with their author', () => {
    const { host, ben, carla, benDrafts, f1, f2 } = room();
    const first = writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET, now: T0 + 5 });
    const second = writePrivateCard(ben, benDrafts, BEN, {
      fieldId: f2,
      text: SECRET_2,
      now: T0 + 6,
    });
    revealPhase(host, HOST, T0 + 60_000);
    syncAll(host, ben, carla);
    let published: string[] = [];
    const seen = transactionsDuring(ben, () => {
      published = publishDrafts(ben, benDrafts);
    });
    expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
    expect(published).toEqual([first, second]);
    syncAll(host, ben, carla);
    // Each is first in its column; across columns order by writing time.
    const cards = listFacilitatedCards(carla).sort((a, b) => a.createdAt - b.createdAt);
    expect(
      cards.map((card) => [card.id, card.fieldId, card.text, card.author, card.authorId]),
    ).toEqual([
      [first, f1, SECRET, NAMES[BEN], BEN],
      [second, f2, SECRET_2, NAMES[BEN], BEN],
    ]);
    expect(cards.map((card) => card.createdAt)).toEqual([T0 + 5, T0 + 6]);
    expect(readDraft(benDrafts, first as string)?.publishedAt).toBe(T0 + 60_000);
    expect(ownCardIds(benDrafts)).toEqual(new Set([first, second]));
  });

  it('appear exactly once even if publishing runs twice or on two devices', () => {
    const { host, ben, carla, benDrafts, f1 } = room();
    const draftId = writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET, now: T0 });
    // Ben's second laptop holds a copy of his draft document.
    const benSecondLaptop = deviceFor(host, 4, BEN);
    const copiedDrafts = new Y.Doc();
    pull(copiedDrafts, benDrafts);
    revealPhase(host, HOST, T0 + 1_000);
    syncAll(host, ben, carla, benSecondLaptop);
    // Both publish before hearing of each other.
    expect(publishDrafts(ben, benDrafts)).toEqual([draftId]);
    expect(publishDrafts(benSecondLaptop, copiedDrafts)).toEqual([draftId]);
    // And Ben's first laptop once more.
    const again = transactionsDuring(ben, () => expect(publishDrafts(ben, benDrafts)).toEqual([]));
    expect(again).toHaveLength(0);
    syncAll(host, ben, carla, benSecondLaptop);
    expect(publishDrafts(benSecondLaptop, copiedDrafts)).toEqual([]);
    for (const doc of [host, ben, carla, benSecondLaptop]) {
      expect(listFacilitatedCards(doc).filter((card) => card.text === SECRET)).toHaveLength(1);
      // The losing copy is garbage-collected: the text is stored once.
      expect(occurrences(Y.encodeStateAsUpdate(doc), SECRET)).toBe(1);
    }
  });

  it('are never published again once the card was deleted', () => {
    const { host, ben, benDrafts, f1 } = room();
    const draftId = writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET, now: T0 });
    const copy = new Y.Doc();
    pull(copy, benDrafts);
    revealPhase(host, HOST, T0 + 1_000);
    syncAll(host, ben);
    publishDrafts(ben, benDrafts);
    syncAll(host, ben);
    expect(removeCard(host, HOST, draftId as string)).toBe(true);
    syncAll(host, ben);
    expect(publishDrafts(ben, copy)).toEqual([]);
    expect(listFacilitatedCards(ben)).toEqual([]);
  });

  it('are published by a device that was offline at the reveal when it returns', () => {
    const { host, ben, carla, benDrafts, f1 } = room();
    const carlaDrafts = new Y.Doc();
    writePrivateCard(carla, carlaDrafts, CARLA, { fieldId: f1, text: SECRET_2, now: T0 });
    writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: SECRET, now: T0 });
    // Carla's laptop is offline; the host reveals and moves on.
    syncAll(host, ben);
    revealPhase(host, HOST, T0 + 1_000);
    advancePhase(host, HOST, T0 + 2_000);
    syncAll(host, ben);
    publishDrafts(ben, benDrafts);
    expect(publishDrafts(carla, carlaDrafts)).toEqual([]); // still offline: nothing revealed yet
    syncAll(host, ben, carla);
    expect(publishDrafts(carla, carlaDrafts)).toHaveLength(1);
    syncAll(host, ben, carla);
    expect(
      listFacilitatedCards(host)
        .map((card) => card.text)
        .sort(),
    ).toEqual([SECRET, SECRET_2].sort());
  });

  it('publish into the first column if theirs was deleted meanwhile', async () => {
    const { host, ben, benDrafts, f1, f2 } = room();
    const draftId = writePrivateCard(ben, benDrafts, BEN, { fieldId: f2, text: SECRET, now: T0 });
    const { deleteField } = await import('../../../../shared/model/commands');
    deleteField(host, f2);
    revealPhase(host, HOST, T0 + 1);
    syncAll(host, ben);
    publishDrafts(ben, benDrafts);
    expect(listFacilitatedCards(ben).find((card) => card.id === draftId)?.fieldId).toBe(f1);
  });

  it('can be spread over several publishing rounds', () => {
    const { host, ben, benDrafts, f1 } = room();
    for (let i = 0; i < 3; i++) {
      writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: `Karte ${i}`, now: T0 + i });
    }
    revealPhase(host, HOST, T0 + 10);
    syncAll(host, ben);
    expect(publishDrafts(ben, benDrafts, { limit: 1 })).toHaveLength(1);
    expect(publishDrafts(ben, benDrafts, { limit: 5 })).toHaveLength(2);
    expect(listFacilitatedCards(ben)).toHaveLength(3);
  });

  it('are written privately only while the phase allows it, and counted without text', () => {
    const { host, ben, benDrafts, f1, phaseId } = room();
    const draftId = writePrivateCard(ben, benDrafts, BEN, {
      fieldId: f1,
      text: 'a',
      now: T0,
    }) as string;
    expect(setDraftField(benDrafts, draftId, 'elsewhere')).toBe(true);
    expect(deletePrivateCard(ben, benDrafts, draftId)).toBe(true);
    syncAll(host, ben);
    expect(readDraftProgress(host, phaseId)).toEqual(new Map());
    revealPhase(host, HOST, T0);
    syncAll(host, ben);
    expect(
      writePrivateCard(ben, benDrafts, BEN, { fieldId: f1, text: 'b', now: T0 }),
    ).toBeUndefined();
    expect(listDrafts(benDrafts)).toEqual([]);
  });

  it('let a facilitator write a private card for a participant without a laptop', async () => {
    const { addProxyParticipant } = await import('../../../../shared/facilitation/people');
    const { host, f1, phaseId } = room();
    const hostDrafts = new Y.Doc();
    const proxy = addProxyParticipant(host, HOST, 'Herr Dorn', T0) as string;
    const id = writePrivateCard(host, hostDrafts, HOST, {
      fieldId: f1,
      text: 'Papier',
      now: T0,
      proxyFor: proxy,
    });
    expect(readDraft(hostDrafts, id as string)).toMatchObject({
      participantId: proxy,
      enteredBy: HOST,
    });
    expect(readDraftProgress(host, phaseId).get(proxy)).toBe(1);
    revealPhase(host, HOST, T0 + 1);
    publishDrafts(host, hostDrafts);
    expect(listFacilitatedCards(host)[0]).toMatchObject({
      author: 'Herr Dorn',
      authorId: proxy,
      enteredBy: HOST,
      proxy: true,
    });
  });

  it('edit only unpublished drafts and tolerate garbage in the draft document', () => {
    const drafts = new Y.Doc();
    const id = addDraft(drafts, {
      participantId: BEN,
      phaseId: 'p',
      fieldId: 'f',
      text: 'x',
      createdAt: 1,
    });
    drafts.getMap('drafts').set('junk', 42);
    expect(listDrafts(drafts).map((draft) => draft.id)).toEqual([id]);
    expect(deleteDraft(drafts, 'junk')).toBe(false);
    expect(readPhase(new Y.Doc(), 'p')).toBeUndefined();
  });
});
