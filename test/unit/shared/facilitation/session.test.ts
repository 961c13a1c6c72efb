// Running the workshop: the host starts it and gets the default agenda, moves
// through it (and everyone, latecomers included, is in the same phase), locks the
// board, asks everyone to follow, counts who is done, hands out roles and types
// for the people without a laptop. Each command is one LOCAL_ORIGIN transaction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPhase,
  movePhase,
  removePhase,
  setVoteRules,
  updatePhase,
} from '../../../../shared/facilitation/agenda';
import { readBoard } from '../../../../shared/facilitation/board';
import {
  listFacilitatedCards,
  readFacilitatedCard,
  writeCard,
} from '../../../../shared/facilitation/cards';
import {
  readFollow,
  startFollowMe,
  stopFollow,
  updateFollowView,
} from '../../../../shared/facilitation/follow';
import {
  joinWorkshop,
  listParticipants,
  readParticipant,
} from '../../../../shared/facilitation/participants';
import {
  addProxyParticipant,
  renameParticipant,
  setCoFacilitator,
  transferHost,
} from '../../../../shared/facilitation/people';
import {
  currentPhase,
  DEFAULT_VOTE_BUDGET,
  listPhases,
  MAX_TIMEBOX_MINUTES,
  readPhase,
} from '../../../../shared/facilitation/phases';
import { readDraftProgress } from '../../../../shared/facilitation/privateWriting';
import { readReadyCheck, setReady } from '../../../../shared/facilitation/ready';
import { roleOf } from '../../../../shared/facilitation/roles';
import {
  advancePhase,
  goToPhase,
  previousPhase,
  revealPhase,
  setAnonymous,
  setBoardLocked,
  startFacilitation,
} from '../../../../shared/facilitation/session';
import { readSession } from '../../../../shared/facilitation/sessionState';
import { readTimer } from '../../../../shared/facilitation/timer';
import { readVoteEntries, voteResults } from '../../../../shared/facilitation/votes';
import { ChangeFeed } from '../../../../shared/model/changeFeed';
import { addField, initWorkshop } from '../../../../shared/model/commands';
import { valueRoot, collection } from '../../../../shared/schema/doc';
import { LOCAL_ORIGIN } from '../../../../shared/schema/origin';
import { pull, replicaOf, syncAll, transactionsDuring } from '../helpers';
import { BEN, CARLA, device, facilitated, HOST, NAMES, T0 } from './fixture';

describe('starting facilitation', () => {
  it('makes the starter host, adds the default agenda and starts its first phase', () => {
    const { doc } = facilitated();
    expect(readSession(doc).hostId).toBe(HOST);
    expect(roleOf(doc, HOST)).toBe('host');
    expect(roleOf(doc, BEN)).toBe('participant');
    expect(listPhases(doc).map((phase) => [phase.kind, phase.title])).toEqual([
      ['collect', ''],
      ['cluster', ''],
      ['vote', ''],
      ['derive', ''],
      ['close', ''],
    ]);
    expect(currentPhase(doc)?.kind).toBe('collect');
    expect(readSession(doc).phaseStartedAt).toBe(T0);
    expect(readParticipant(doc, HOST)?.name).toBe(NAMES[HOST]);
  });

  it('refuses a second host and keeps the first', () => {
    const { doc } = facilitated();
    expect(startFacilitation(doc, { hostId: BEN, hostName: 'Ben', now: T0 })).toBe(false);
    expect(readSession(doc).hostId).toBe(HOST);
    expect(startFacilitation(doc, { hostId: HOST, hostName: 'Anna', now: T0 })).toBe(true);
    expect(listPhases(doc)).toHaveLength(5);
  });

  it('ends with one default agenda when two laptops start it at once', () => {
    const base = new Y.Doc();
    initWorkshop(base, { title: 'W' });
    const a = replicaOf(base);
    const b = replicaOf(base);
    startFacilitation(a, { hostId: HOST, hostName: 'Anna', now: T0 });
    startFacilitation(b, { hostId: BEN, hostName: 'Ben', now: T0 });
    syncAll(a, b);
    expect(listPhases(a)).toHaveLength(5);
    expect(listPhases(a)).toEqual(listPhases(b));
    expect(readSession(a).hostId).toBe(readSession(b).hostId);
  });

  it('reads an old workshop (no facilitation data) as free mode', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'Alt' });
    const field = addField(doc, { title: 'Feld' });
    expect(currentPhase(doc)).toBeUndefined();
    expect(readSession(doc)).toEqual({
      hostId: '',
      phaseId: '',
      phaseRun: '',
      phaseStartedAt: 0,
      locked: false,
      anonymous: false,
    });
    expect(writeCard(doc, BEN, { fieldId: field, text: 'wie immer', now: T0 })).toBeDefined();
  });
});

describe('moving through the agenda', () => {
  it('advances and goes back within the agenda, and latecomers land in the running phase', () => {
    const { doc } = facilitated();
    const kinds = () => currentPhase(doc)?.kind;
    expect(previousPhase(doc, HOST, T0)).toBeUndefined();
    const seen = transactionsDuring(doc, () => advancePhase(doc, HOST, T0 + 1));
    expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
    expect(kinds()).toBe('cluster');
    advancePhase(doc, HOST, T0 + 2);
    advancePhase(doc, HOST, T0 + 3);
    expect(kinds()).toBe('derive');
    expect(previousPhase(doc, HOST, T0 + 4)).toBe('default-vote');
    const latecomer = replicaOf(doc);
    expect(currentPhase(latecomer)?.kind).toBe('vote');
    advancePhase(doc, HOST, T0);
    advancePhase(doc, HOST, T0);
    expect(kinds()).toBe('close');
    expect(advancePhase(doc, HOST, T0)).toBeUndefined();
    expect(goToPhase(doc, HOST, 'default-collect', T0)).toBe(true);
    expect(goToPhase(doc, HOST, 'no-such-phase', T0)).toBe(false);
  });

  it('reveals a collect phase when leaving it, so that no draft stays unpublished', () => {
    const { doc } = facilitated();
    expect(readPhase(doc, 'default-collect')?.revealed).toBe(false);
    advancePhase(doc, HOST, T0 + 60_000);
    expect(readPhase(doc, 'default-collect')?.revealedAt).toBe(T0 + 60_000);
    advancePhase(doc, HOST, T0 + 120_000);
    expect(readPhase(doc, 'default-cluster')?.revealed).toBe(false);
  });

  it('falls back to the first phase if the running one was removed concurrently', () => {
    const { doc } = facilitated();
    goToPhase(doc, HOST, 'default-vote', T0);
    const other = replicaOf(doc);
    expect(removePhase(other, HOST, 'default-vote')).toBe(false); // running: refused
    goToPhase(other, HOST, 'default-cluster', T0);
    removePhase(other, HOST, 'default-vote');
    goToPhase(doc, HOST, 'default-vote', T0 + 1); // concurrently back to vote
    syncAll(doc, other);
    expect(readPhase(doc, 'default-vote')).toBeUndefined();
    expect(currentPhase(doc)?.id).toBe(currentPhase(other)?.id);
    expect(currentPhase(doc)).toBeDefined();
  });

  it('lets facilitators edit the agenda, within limits', () => {
    const { doc } = facilitated();
    const id = addPhase(doc, HOST, {
      kind: 'custom',
      title: 'Pause',
      timeboxMinutes: 100_000,
      allows: ['comment', 'comment'],
      afterId: 'default-cluster',
    }) as string;
    expect(listPhases(doc).map((phase) => phase.id)).toEqual([
      'default-collect',
      'default-cluster',
      id,
      'default-vote',
      'default-derive',
      'default-close',
    ]);
    expect(readPhase(doc, id)).toMatchObject({
      title: 'Pause',
      timeboxMinutes: MAX_TIMEBOX_MINUTES,
      allows: ['comment'],
    });
    expect(movePhase(doc, HOST, id, 0)).toBe(true);
    expect(listPhases(doc)[0]?.id).toBe(id);
    expect(updatePhase(doc, HOST, id, { title: 'Kaffeepause', timeboxMinutes: 15 })).toBe(true);
    expect(readPhase(doc, id)).toMatchObject({ title: 'Kaffeepause', timeboxMinutes: 15 });
    expect(addPhase(doc, BEN, { kind: 'collect' })).toBeUndefined();
    expect(removePhase(doc, HOST, id)).toBe(true);
    expect(listPhases(doc)).toHaveLength(5);
  });

  it('keeps vote rules sane: the cap never exceeds the budget', () => {
    const { doc } = facilitated();
    expect(readPhase(doc, 'default-vote')?.vote).toEqual({
      budget: DEFAULT_VOTE_BUDGET,
      capPerItem: 3,
      facilitatorVotes: false,
      hiddenUntilReveal: false,
    });
    setVoteRules(doc, HOST, 'default-vote', { budget: 2, capPerItem: 10, hiddenUntilReveal: true });
    expect(readPhase(doc, 'default-vote')?.vote).toEqual({
      budget: 2,
      capPerItem: 2,
      facilitatorVotes: false,
      hiddenUntilReveal: true,
    });
    expect(setVoteRules(doc, BEN, 'default-vote', { budget: 50 })).toBe(false);
  });
});

describe('facilitator controls', () => {
  it('counts "I’m done" per phase run and resets it on every phase change', () => {
    const { doc } = facilitated();
    expect(readReadyCheck(doc)).toMatchObject({ count: 0, total: 2, expectedIds: [BEN, CARLA] });
    expect(setReady(doc, BEN, true)).toBe(true);
    expect(setReady(doc, HOST, true)).toBe(false); // facilitators are not part of it
    expect(readReadyCheck(doc)).toMatchObject({ readyIds: [BEN], count: 1, total: 2 });
    setReady(doc, CARLA, true);
    setReady(doc, CARLA, false);
    expect(readReadyCheck(doc).count).toBe(1);
    advancePhase(doc, HOST, T0);
    expect(readReadyCheck(doc).count).toBe(0);
    // Going back is a new run as well.
    setReady(doc, BEN, true);
    previousPhase(doc, HOST, T0);
    expect(readReadyCheck(doc).count).toBe(0);
  });

  it('does not count a "done" that crossed a phase change', () => {
    const { doc } = facilitated();
    const ben = replicaOf(doc);
    setReady(ben, BEN, true); // while the host moves on
    advancePhase(doc, HOST, T0);
    syncAll(doc, ben);
    expect(readReadyCheck(doc).count).toBe(0);
    expect(readReadyCheck(ben).count).toBe(0);
  });

  it('lets a facilitator tick "done" for a participant without a laptop', () => {
    const { doc } = facilitated();
    const proxy = addProxyParticipant(doc, HOST, 'Herr Dorn (Bauamt)', T0) as string;
    expect(readReadyCheck(doc).total).toBe(3);
    expect(setReady(doc, BEN, true, proxy)).toBe(false);
    expect(setReady(doc, HOST, true, proxy)).toBe(true);
    expect(setReady(doc, HOST, true, CARLA)).toBe(false); // Carla has a laptop
    expect(readReadyCheck(doc).readyIds).toEqual([proxy]);
  });

  it('stores "everyone to me" with the facilitator’s view, which only they move', () => {
    const { doc } = facilitated();
    expect(startFollowMe(doc, BEN, 'board', T0)).toBe(false);
    expect(startFollowMe(doc, HOST, 'board/field/f1', T0)).toBe(true);
    expect(readFollow(doc)).toEqual({ by: HOST, view: 'board/field/f1', since: T0 });
    expect(updateFollowView(doc, BEN, 'strategy')).toBe(false);
    expect(updateFollowView(doc, HOST, 'strategy')).toBe(true);
    expect(readFollow(replicaOf(doc))?.view).toBe('strategy');
    expect(startFollowMe(doc, HOST, 'x'.repeat(501), T0)).toBe(false);
    expect(stopFollow(doc, HOST)).toBe(true);
    expect(readFollow(doc)).toBeUndefined();
  });

  it('lets the host appoint co-facilitators, who then steer, and hand over the host role', () => {
    const { doc } = facilitated();
    expect(setCoFacilitator(doc, BEN, CARLA, true)).toBe(false);
    expect(setCoFacilitator(doc, HOST, BEN, true)).toBe(true);
    expect(roleOf(doc, BEN)).toBe('cofacilitator');
    expect(setBoardLocked(doc, BEN, true)).toBe(true);
    expect(setCoFacilitator(doc, BEN, CARLA, true)).toBe(false); // only the host grants
    expect(transferHost(doc, HOST, CARLA)).toBe(true);
    expect(roleOf(doc, CARLA)).toBe('host');
    expect(roleOf(doc, HOST)).toBe('cofacilitator');
    expect(setCoFacilitator(doc, CARLA, BEN, false)).toBe(true);
    expect(roleOf(doc, BEN)).toBe('participant');
    expect(readReadyCheck(doc).expectedIds).toEqual([BEN]);
  });

  it('adds participants without a laptop and marks the cards typed for them', () => {
    const { doc, f1 } = facilitated();
    expect(addProxyParticipant(doc, BEN, 'Frau Ernst', T0)).toBeUndefined();
    const proxy = addProxyParticipant(doc, HOST, '  Frau   Ernst (Ordnungsamt) ', T0) as string;
    expect(readParticipant(doc, proxy)).toMatchObject({
      name: 'Frau Ernst (Ordnungsamt)',
      proxy: true,
      addedBy: HOST,
      role: 'participant',
    });
    expect(setCoFacilitator(doc, HOST, proxy, true)).toBe(false);
    const card = writeCard(doc, HOST, {
      fieldId: f1,
      text: 'Papierkarte',
      now: T0,
      proxyFor: proxy,
    });
    expect(readFacilitatedCard(doc, card as string)).toMatchObject({
      author: 'Frau Ernst (Ordnungsamt)',
      authorId: proxy,
      enteredBy: HOST,
      proxy: true,
    });
    expect(
      writeCard(doc, BEN, { fieldId: f1, text: 'x', now: T0, proxyFor: proxy }),
    ).toBeUndefined();
    expect(
      writeCard(doc, HOST, { fieldId: f1, text: 'x', now: T0, proxyFor: BEN }),
    ).toBeUndefined();
    const own = writeCard(doc, BEN, { fieldId: f1, text: 'Eigene', now: T0 }) as string;
    expect(readFacilitatedCard(doc, own)).toMatchObject({
      authorId: BEN,
      enteredBy: '',
      proxy: false,
    });
  });

  it('lets people rename themselves and facilitators rename anyone', () => {
    const { doc } = facilitated();
    expect(renameParticipant(doc, BEN, BEN, 'Ben B.')).toBe(true);
    expect(renameParticipant(doc, BEN, CARLA, 'Carla?')).toBe(false);
    expect(renameParticipant(doc, HOST, CARLA, 'Carla K.')).toBe(true);
    expect(renameParticipant(doc, HOST, CARLA, '   ')).toBe(false);
    expect(listParticipants(doc).map((p) => p.name)).toEqual([NAMES[HOST], 'Ben B.', 'Carla K.']);
    expect(joinWorkshop(doc, 'bad id!', 'X', T0)).toBe(false);
  });
});

describe('every facilitation command is one LOCAL_ORIGIN transaction', () => {
  const commands: [string, (fx: ReturnType<typeof facilitated>) => unknown][] = [
    ['advancePhase', ({ doc }) => advancePhase(doc, HOST, T0)],
    ['goToPhase', ({ doc }) => goToPhase(doc, HOST, 'default-vote', T0)],
    ['revealPhase', ({ doc }) => revealPhase(doc, HOST, T0)],
    ['setBoardLocked', ({ doc }) => setBoardLocked(doc, HOST, true)],
    ['setAnonymous', ({ doc }) => setAnonymous(doc, HOST, true)],
    ['addPhase', ({ doc }) => addPhase(doc, HOST, { kind: 'derive' })],
    ['updatePhase', ({ doc }) => updatePhase(doc, HOST, 'default-vote', { title: 'Punkte' })],
    ['setVoteRules', ({ doc }) => setVoteRules(doc, HOST, 'default-vote', { budget: 3 })],
    ['movePhase', ({ doc }) => movePhase(doc, HOST, 'default-close', 0)],
    ['removePhase', ({ doc }) => removePhase(doc, HOST, 'default-close')],
    ['setReady', ({ doc }) => setReady(doc, BEN, true)],
    ['startFollowMe', ({ doc }) => startFollowMe(doc, HOST, 'board', T0)],
    ['addProxyParticipant', ({ doc }) => addProxyParticipant(doc, HOST, 'Frau X', T0)],
    ['renameParticipant', ({ doc }) => renameParticipant(doc, BEN, BEN, 'Benjamin')],
    ['setCoFacilitator', ({ doc }) => setCoFacilitator(doc, HOST, BEN, true)],
    ['transferHost', ({ doc }) => transferHost(doc, HOST, BEN)],
    ['joinWorkshop', ({ doc }) => joinWorkshop(doc, 'newcomer1', 'Neu', T0)],
    ['writeCard', ({ doc, f1 }) => writeCard(doc, BEN, { fieldId: f1, text: 'Idee', now: T0 })],
  ];
  for (const [name, run] of commands) {
    it(name, () => {
      const fx = facilitated();
      const seen = transactionsDuring(fx.doc, () => run(fx));
      expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
    });
  }
  it('startFacilitation', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'W' });
    const seen = transactionsDuring(doc, () =>
      startFacilitation(doc, { hostId: HOST, hostName: 'Anna', now: T0 }),
    );
    expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
  });
});

describe('the change feed covers the facilitation roots', () => {
  it('wakes subscribers of the session, the agenda and the ready check', () => {
    const { doc } = facilitated();
    const feed = new ChangeFeed(doc);
    const seen: string[] = [];
    for (const key of [
      'facilitation',
      'phases',
      'phases/default-vote',
      'ready',
      'votes',
      'clusters',
    ]) {
      feed.subscribe(key, () => seen.push(key));
    }
    advancePhase(doc, HOST, T0);
    expect(seen).toEqual(['facilitation']);
    seen.length = 0;
    setVoteRules(doc, HOST, 'default-vote', { budget: 2 });
    expect(seen).toEqual(['phases/default-vote']);
    seen.length = 0;
    setReady(doc, BEN, true);
    expect(seen).toEqual(['ready']);
    feed.destroy();
  });
});

/** JSON-ish garbage a hostile or broken peer could write. */
const garbage = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(new Uint8Array([1, 2, 3])),
);

describe('readers tolerate garbage from peers', () => {
  it('never throw and fall back to safe values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            root: fc.constantFrom(
              'facilitation',
              'votes',
              'ready',
              'draftCounts',
              'participants',
              'phases',
              'clusters',
              'cards',
            ),
            key: fc.constantFrom(
              'hostId',
              'phaseId',
              'phaseRun',
              'locked',
              'follow',
              'timer',
              'anonymous',
              `${BEN}:x`,
              BEN,
              'default-vote',
              'c1',
            ),
            inner: fc.constantFrom(
              'kind',
              'voteBudget',
              'voteCap',
              'allows',
              'role',
              'name',
              'mergedInto',
              'clusterId',
              'revealedAt',
            ),
            value: garbage,
            nested: fc.boolean(),
          }),
          { maxLength: 25 },
        ),
        (writes) => {
          const { doc } = facilitated();
          for (const write of writes) {
            const root = doc.getMap(write.root);
            if (write.nested) {
              const map = new Y.Map<unknown>();
              map.set(write.inner, write.value);
              root.set(write.key, map);
            } else {
              root.set(write.key, write.value);
            }
          }
          const phase = currentPhase(doc);
          expect(() => {
            readSession(doc);
            listPhases(doc);
            listParticipants(doc);
            readReadyCheck(doc);
            readFollow(doc);
            readTimer(doc);
            readBoard(doc);
            listFacilitatedCards(doc);
            readDraftProgress(doc, 'default-collect');
            readVoteEntries(doc, 'default-vote');
            voteResults(doc, 'default-vote');
            roleOf(doc, BEN);
          }).not.toThrow();
          if (phase) expect(phase.vote.capPerItem).toBeLessThanOrEqual(phase.vote.budget);
          expect(collection(doc, 'phases')).toBeDefined();
          expect(valueRoot(doc, 'votes')).toBeDefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a late-joining replica in step with what it reads', () => {
    const { doc } = facilitated();
    const other = device(doc, 77);
    advancePhase(doc, HOST, T0);
    pull(other, doc);
    expect(currentPhase(other)?.kind).toBe('cluster');
  });
});
