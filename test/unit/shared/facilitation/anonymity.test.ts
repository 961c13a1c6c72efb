// Anonymous mode: nobody can work out from the shared document who wrote a card.
// The obvious part is that cards carry no name and no participant id. The subtle
// part is Yjs itself: every item records the clientID of the document that
// inserted it, and a device's clientID is also on its participant entry, its votes
// and its ready flag. These tests play the curious participant who decodes the
// document, first on a normal workshop (where the clientIDs do give authors away,
// which shows that the analysis works) and then in anonymous mode (where they must
// not). What remains derivable (timing) is in docs/facilitation.md.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANONYMOUS_TIME_RESOLUTION_MS,
  anonymously,
  freshClientId,
  isAnonymousTransaction,
} from '../../../../shared/facilitation/anonymous';
import {
  editCardText,
  listFacilitatedCards,
  visibleAuthor,
  writeCard,
} from '../../../../shared/facilitation/cards';
import { addComment, listComments } from '../../../../shared/facilitation/comments';
import { ownCardIds } from '../../../../shared/facilitation/drafts';
import { readPhase } from '../../../../shared/facilitation/phases';
import {
  readDraftProgress,
  writePrivateCard,
} from '../../../../shared/facilitation/privateWriting';
import { publishDrafts, REVEAL_POSITION_SPREAD } from '../../../../shared/facilitation/publish';
import { setReady } from '../../../../shared/facilitation/ready';
import { revealPhase, setAnonymous } from '../../../../shared/facilitation/session';
import { collection } from '../../../../shared/schema/doc';
import { seededRandom } from '../../../support/seededRandom';
import { syncAll, transactionsDuring } from '../helpers';
import { BEN, CARLA, clientsIn, deviceFor, facilitated, HOST, NAMES, T0 } from './fixture';

const CARDS_EACH = 12;

/**
 * Ben and Carla, each on their laptop, write private cards, a public card and a
 * comment, say they are done; the host reveals; both publish; an observer syncs.
 */
function workshopRun(anonymous: boolean) {
  const { doc: host, f1, f2 } = facilitated({ joinParticipants: false });
  if (anonymous) setAnonymous(host, HOST, true);
  const ben = deviceFor(host, 2, BEN);
  const carla = deviceFor(host, 3, CARLA);
  syncAll(host, ben, carla);
  const drafts: Record<string, Y.Doc> = { [BEN]: new Y.Doc(), [CARLA]: new Y.Doc() };
  const devices: Record<string, Y.Doc> = { [BEN]: ben, [CARLA]: carla };
  const authorOf = new Map<string, string>();
  for (const [who, doc] of Object.entries(devices)) {
    for (let i = 0; i < CARDS_EACH; i++) {
      const id = writePrivateCard(doc, drafts[who] as Y.Doc, who, {
        fieldId: i % 2 ? f1 : f2,
        text: `${who === BEN ? 'Idee B' : 'Idee C'} ${i}`,
        now: T0 + 1_000 + i * 7_013,
      });
      authorOf.set(id as string, who);
    }
    const publicCard = writeCard(doc, who, {
      fieldId: f1,
      text: `Öffentlich ${who === BEN ? 'B' : 'C'}`,
      now: T0 + 123_456,
    });
    authorOf.set(publicCard as string, who);
    setReady(doc, who, true);
  }
  syncAll(host, ben, carla);
  revealPhase(host, HOST, T0 + 600_000);
  syncAll(host, ben, carla);
  publishDrafts(ben, drafts[BEN] as Y.Doc, { random: seededRandom(1) });
  publishDrafts(carla, drafts[CARLA] as Y.Doc, { random: seededRandom(2) });
  syncAll(host, ben, carla);
  // Each comments on a card of the other, and edits one of their own cards.
  const cards = listFacilitatedCards(host);
  const benOwn = cards.find((card) => authorOf.get(card.id) === BEN) as { id: string };
  const carlaOwn = cards.find((card) => authorOf.get(card.id) === CARLA) as { id: string };
  addComment(ben, BEN, carlaOwn.id, 'Gute Idee!', T0 + 700_000);
  addComment(carla, CARLA, benOwn.id, 'Wer zahlt?', T0 + 700_500);
  editCardText(
    ben,
    BEN,
    benOwn.id,
    'Idee B, überarbeitet',
    ownCardIds(drafts[BEN] as Y.Doc).has(benOwn.id),
  );
  const observer = deviceFor(host, 9, 'observer9');
  syncAll(host, ben, carla, observer);
  return { host, ben, carla, observer, authorOf, devices, f1 };
}

/**
 * The curious participant: which clientIDs are known to belong to whom, from the
 * participant entries and from the ready flags and progress counts (keyed by
 * participant, written by that participant's laptop).
 */
function identifiedClients(doc: Y.Doc): Map<number, string> {
  const known = new Map<number, string>();
  collection(doc, 'participants').forEach((map, id) => {
    for (const client of clientsIn(map)) known.set(client, id);
  });
  for (const root of ['ready', 'draftCounts'] as const) {
    for (const [id, item] of doc.getMap(root)._map) known.set(item.id.client, id);
  }
  return known;
}

/** Links each card to a participant through the clientIDs of its content, if it can. */
function linkAuthors(doc: Y.Doc): Map<string, Set<string>> {
  const known = identifiedClients(doc);
  const links = new Map<string, Set<string>>();
  collection(doc, 'cards').forEach((map, cardId) => {
    const people = new Set<string>();
    for (const client of clientsIn(map)) {
      const who = known.get(client);
      if (who) people.add(who);
    }
    links.set(cardId, people);
  });
  return links;
}

describe('without anonymous mode (control)', () => {
  it('shows authors, and the clientIDs alone would give them away too', () => {
    const { observer, authorOf } = workshopRun(false);
    const links = linkAuthors(observer);
    for (const [cardId, author] of authorOf) {
      expect(links.get(cardId)?.has(author)).toBe(true);
    }
    expect(listFacilitatedCards(observer).some((card) => card.author === NAMES[BEN])).toBe(true);
  });
});

describe('anonymous mode', () => {
  it('stores no author, participant id or name with cards and comments', () => {
    const { observer } = workshopRun(true);
    const cards = listFacilitatedCards(observer);
    expect(cards).toHaveLength(2 * CARDS_EACH + 2);
    const people = [BEN, CARLA, HOST, NAMES[BEN], NAMES[CARLA], NAMES[HOST]];
    for (const name of ['cards', 'comments'] as const) {
      collection(observer, name).forEach((map) => {
        for (const key of ['author', 'authorId', 'enteredBy']) expect(map.has(key)).toBe(false);
        for (const value of map.values()) {
          const text = value instanceof Y.Text ? value.toString() : String(value);
          for (const person of people) expect(text).not.toContain(person);
        }
      });
    }
    for (const card of cards) {
      expect(card).toMatchObject({ author: '', authorId: '', enteredBy: '', proxy: false });
      for (const comment of listComments(observer, card.id)) expect(comment.authorId).toBe('');
    }
  });

  it('inserts every card under a clientID that nothing identified, and no other card, uses', () => {
    const { observer, host, ben, carla } = workshopRun(true);
    const known = identifiedClients(observer);
    const deviceClients = new Set([host.clientID, ben.clientID, carla.clientID]);
    // The analysis has something to work with: the laptops are identified.
    expect(new Set(known.keys())).toEqual(new Set([1, 2, 3, 9]));
    const owner = new Map<number, string>();
    for (const name of ['cards', 'comments'] as const) {
      collection(observer, name).forEach((map, id) => {
        const clients = clientsIn(map);
        for (const client of clients) {
          expect(known.has(client)).toBe(false);
          expect(deviceClients.has(client)).toBe(false);
          // One pseudonymous clientID never spans two cards: no grouping either.
          expect(owner.get(client) ?? id).toBe(id);
          owner.set(client, id);
        }
      });
    }
    for (const links of linkAuthors(observer).values()) expect(links.size).toBe(0);
    // And the laptops kept their own clientIDs.
    expect([host.clientID, ben.clientID, carla.clientID]).toEqual([1, 2, 3]);
  });

  it('gives revealed cards the reveal time and scatters them over one band', () => {
    const { observer, authorOf } = workshopRun(true);
    const phase = readPhase(observer, 'default-collect');
    const revealed = listFacilitatedCards(observer).filter(
      (card) => !card.text.startsWith('Öffentlich'),
    );
    expect(new Set(revealed.map((card) => card.createdAt))).toEqual(new Set([T0 + 600_000]));
    for (const card of revealed) {
      expect(card.position).toBeGreaterThanOrEqual(phase?.revealBase as number);
      expect(card.position).toBeLessThan((phase?.revealBase as number) + REVEAL_POSITION_SPREAD);
    }
    // Board order does not sort the cards by author (as appending per device would).
    const order = revealed.map((card) => authorOf.get(card.id));
    const runs = order.filter((who, i) => i === 0 || who !== order[i - 1]).length;
    expect(runs).toBeGreaterThan(4);
    // Public cards keep only a coarse time.
    for (const card of listFacilitatedCards(observer)) {
      expect(card.createdAt % ANONYMOUS_TIME_RESOLUTION_MS).toBe(0);
    }
  });

  it('shares only "has written" as progress, not how many', () => {
    const { observer } = workshopRun(true);
    expect(readDraftProgress(observer, 'default-collect')).toEqual(
      new Map([
        [BEN, 1],
        [CARLA, 1],
      ]),
    );
  });

  it('converges: every replica ends with the same cards and state vector', () => {
    const { host, ben, carla, observer } = workshopRun(true);
    const snapshots = [host, ben, carla, observer].map((doc) => collection(doc, 'cards').toJSON());
    for (const snapshot of snapshots) expect(snapshot).toEqual(snapshots[0]);
    const vectors = [host, ben, carla, observer].map((doc) => Array.from(Y.encodeStateVector(doc)));
    for (const vector of vectors) expect(vector).toEqual(vectors[0]);
  });

  it('hides older authors when showing or exporting, and marks its transactions for undo', () => {
    const { doc, f1 } = facilitated();
    const before = writeCard(doc, BEN, { fieldId: f1, text: 'Vorher', now: T0 }) as string;
    setAnonymous(doc, HOST, true);
    const card = listFacilitatedCards(doc).find((c) => c.id === before);
    expect(card?.author).toBe(NAMES[BEN]);
    expect(visibleAuthor(doc, card as NonNullable<typeof card>)).toBe('');
    const seen = transactionsDuring(doc, () =>
      writeCard(doc, BEN, { fieldId: f1, text: 'x', now: T0 }),
    );
    expect(seen.map(isAnonymousTransaction)).toEqual([true]);
  });

  it('reuses a card’s pseudonym for this session’s edits, and only while nobody else used it', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const clients: number[] = [];
    const run = () =>
      doc.transact(() =>
        anonymously(doc, 'cards/x', () => {
          text.insert(0, 'a');
          clients.push(text._start?.id.client as number);
        }),
      );
    run();
    run();
    expect(clients[0]).toBe(clients[1]);
    expect(clients[0]).not.toBe(doc.clientID);
    // Anything else written under that clientID (a clash) retires the pseudonym.
    const own = doc.clientID;
    doc.clientID = clients[0] as number;
    text.insert(0, 'z');
    doc.clientID = own;
    run();
    expect(clients[2]).not.toBe(clients[0]);
  });

  it('never picks a clientID the document already knows', () => {
    const doc = new Y.Doc();
    doc.clientID = 5;
    doc.getText('t').insert(0, 'x');
    const sequence = [5, 5, 7];
    expect(freshClientId(doc, () => sequence.shift() as number)).toBe(7);
    expect(() => freshClientId(doc, () => 5)).toThrow();
  });
});
