// Dot voting must be fair under any interleaving of concurrent edits: nobody uses
// more dots than the budget, nobody more than the cap on one item, no dot counts
// twice, and every laptop shows the same ranking once it has the same votes. The
// property test runs 3–5 replicas (some people on two laptops at once) over a
// network that delays, reorders, duplicates and drops connections, with results
// hidden until the reveal now and then (each laptop keeps its dots to itself until
// it publishes them, which happens at random moments and at the end).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setVoteRules } from '../../../../shared/facilitation/agenda';
import { createCluster, mergeClusters } from '../../../../shared/facilitation/clusters';
import { removeCard, writeCard } from '../../../../shared/facilitation/cards';
import { addProxyParticipant, setCoFacilitator } from '../../../../shared/facilitation/people';
import { joinWorkshop } from '../../../../shared/facilitation/participants';
import { currentPhase } from '../../../../shared/facilitation/phases';
import { goToPhase, revealPhase } from '../../../../shared/facilitation/session';
import { privateVoteCount, publishVotes } from '../../../../shared/facilitation/privateVotes';
import { privateVotesMap } from '../../../../shared/facilitation/voteEntries';
import { parseVoteEntry, rankItems, tallyVotes } from '../../../../shared/facilitation/voteCount';
import {
  castVote,
  clearVotes,
  countVotes,
  mayViewResults,
  readVoteEntries,
  remainingVotes,
  resultsVisible,
  retractVote,
  voteResults,
  votesOf,
} from '../../../../shared/facilitation/votes';
import { valueRoot } from '../../../../shared/schema/doc';
import { replicaOf, syncAll, transactionsDuring } from '../helpers';
import { BEN, CARLA, facilitated, HOST, T0 } from './fixture';
import { Network, pick } from '../network';

const VOTE = 'default-vote';
/** The property test runs 60 random workshops: 1–3 s on a quiet machine, far more on a busy one. */
const PROPERTY_TIMEOUT_MS = 60_000;

/** A vote phase running over four cards in two columns. */
function voting(rules: Parameters<typeof setVoteRules>[3] = {}) {
  const { doc, f1, f2 } = facilitated();
  const cards = ['Terminbuchung', 'E-Akte', 'WLAN im Rathaus', 'Open Data'].map(
    (text, i) => writeCard(doc, HOST, { fieldId: i % 2 ? f2 : f1, text, now: T0 + i }) as string,
  );
  setVoteRules(doc, HOST, VOTE, rules);
  goToPhase(doc, HOST, VOTE, T0 + 100);
  return { doc, f1, f2, cards };
}

describe('casting and counting votes', () => {
  it('keeps within budget and cap, one transaction per dot', () => {
    const { doc, cards } = voting({ budget: 3, capPerItem: 2 });
    const [a, b] = cards as [string, string];
    const seen = transactionsDuring(doc, () =>
      expect(castVote(doc, BEN, a, { hostNow: T0 })).toBe(true),
    );
    expect(seen).toHaveLength(1);
    expect(castVote(doc, BEN, a, { hostNow: T0 + 1 })).toBe(true);
    expect(castVote(doc, BEN, a, { hostNow: T0 + 2 })).toBe(false); // cap
    expect(castVote(doc, BEN, b, { hostNow: T0 + 3 })).toBe(true);
    expect(castVote(doc, BEN, b, { hostNow: T0 + 4 })).toBe(false); // budget
    expect(remainingVotes(doc, VOTE, BEN)).toBe(0);
    expect(votesOf(doc, VOTE, BEN)).toEqual(
      new Map([
        [a, 2],
        [b, 1],
      ]),
    );
    expect(retractVote(doc, BEN, a)).toBe(true);
    expect(remainingVotes(doc, VOTE, BEN)).toBe(1);
    expect(retractVote(doc, CARLA, a)).toBe(false);
  });

  it('ranks by votes, equal counts share a rank, ties ordered by id', () => {
    expect(
      rankItems(
        new Map([
          ['b', 2],
          ['a', 2],
          ['c', 5],
          ['d', 1],
          ['e', 0],
        ]),
      ),
    ).toEqual([
      { itemId: 'c', votes: 5, rank: 1 },
      { itemId: 'a', votes: 2, rank: 2 },
      { itemId: 'b', votes: 2, rank: 2 },
      { itemId: 'd', votes: 1, rank: 4 },
    ]);
  });

  it('counts only the first dots of someone who voted on two laptops at once', () => {
    const { doc, cards } = voting({ budget: 2, capPerItem: 2 });
    const laptop2 = replicaOf(doc);
    const [a, b, c] = cards as [string, string, string];
    castVote(doc, BEN, a, { hostNow: T0 + 10 });
    castVote(doc, BEN, b, { hostNow: T0 + 30 });
    castVote(laptop2, BEN, c, { hostNow: T0 + 20 });
    castVote(laptop2, BEN, c, { hostNow: T0 + 40 });
    syncAll(doc, laptop2);
    expect(readVoteEntries(doc, VOTE)).toHaveLength(4);
    expect(votesOf(doc, VOTE, BEN)).toEqual(
      new Map([
        [a, 1],
        [c, 1],
      ]),
    );
    expect(voteResults(doc, VOTE)).toEqual(voteResults(laptop2, VOTE));
    // Taking a dot back removes the surplus first; the count stays.
    retractVote(doc, BEN, c);
    expect(votesOf(doc, VOTE, BEN)).toEqual(
      new Map([
        [a, 1],
        [c, 1],
      ]),
    );
    expect(readVoteEntries(doc, VOTE)).toHaveLength(3);
  });

  it('ignores facilitators unless they vote, and lets them vote for proxies', () => {
    const { doc, cards } = voting({ budget: 2 });
    const proxy = addProxyParticipant(doc, HOST, 'Herr Dorn', T0) as string;
    const [a] = cards as [string];
    expect(castVote(doc, HOST, a, { hostNow: T0 })).toBe(false);
    expect(castVote(doc, BEN, a, { hostNow: T0, onBehalfOf: proxy })).toBe(false);
    expect(castVote(doc, HOST, a, { hostNow: T0, onBehalfOf: proxy })).toBe(true);
    expect(readVoteEntries(doc, VOTE)[0]).toMatchObject({ voter: proxy, enteredBy: HOST });
    // A participant promoted to co-facilitator: their dots stop counting.
    castVote(doc, BEN, a, { hostNow: T0 });
    expect(countVotes(doc, VOTE)?.perItem.get(a)).toBe(2);
    setCoFacilitator(doc, HOST, BEN, true);
    expect(countVotes(doc, VOTE)?.perItem.get(a)).toBe(1);
    setVoteRules(doc, HOST, VOTE, { facilitatorVotes: true });
    expect(countVotes(doc, VOTE)?.perItem.get(a)).toBe(2);
    expect(castVote(doc, HOST, a, { hostNow: T0 })).toBe(true);
  });

  it('moves dots with merged clusters and drops dots on deleted cards', () => {
    const { doc, f1, cards } = voting({ budget: 5, capPerItem: 2 });
    const x = createCluster(doc, HOST, { fieldId: f1, name: 'X' }) as string;
    const y = createCluster(doc, HOST, { fieldId: f1, name: 'Y' }) as string;
    castVote(doc, BEN, x, { hostNow: T0 + 1 });
    castVote(doc, BEN, x, { hostNow: T0 + 2 });
    castVote(doc, BEN, y, { hostNow: T0 + 3 });
    castVote(doc, BEN, cards[0] as string, { hostNow: T0 + 4 });
    mergeClusters(doc, HOST, y, [x]);
    // Three dots on Y now, but the cap per item is 2.
    expect(votesOf(doc, VOTE, BEN)).toEqual(
      new Map([
        [y, 2],
        [cards[0] as string, 1],
      ]),
    );
    removeCard(doc, HOST, cards[0] as string);
    expect(votesOf(doc, VOTE, BEN)).toEqual(new Map([[y, 2]]));
    expect(remainingVotes(doc, VOTE, BEN)).toBe(3);
  });

  it('hides results from everybody until the reveal if asked to, then closes the vote', () => {
    const { doc, cards } = voting({ hiddenUntilReveal: true });
    const ballots = new Y.Doc();
    expect(castVote(doc, BEN, cards[0] as string, { hostNow: T0, ballots })).toBe(true);
    expect(resultsVisible(doc, VOTE)).toBe(false);
    expect(mayViewResults(doc, BEN, VOTE)).toBe(false);
    // The dots are on the voters' devices: the facilitator has nothing to see either.
    expect(mayViewResults(doc, HOST, VOTE)).toBe(false);
    revealPhase(doc, HOST, T0 + 1);
    expect(mayViewResults(doc, BEN, VOTE)).toBe(true);
    expect(mayViewResults(doc, HOST, VOTE)).toBe(true);
    expect(castVote(doc, BEN, cards[1] as string, { hostNow: T0, ballots })).toBe(false);
  });

  it('lets facilitators clear a vote, and only them', () => {
    const { doc, cards } = voting();
    castVote(doc, BEN, cards[0] as string, { hostNow: T0 });
    expect(clearVotes(doc, BEN, VOTE)).toBe(false);
    expect(clearVotes(doc, HOST, VOTE)).toBe(true);
    expect(voteResults(doc, VOTE)).toEqual([]);
  });

  it('ignores malformed entries', () => {
    expect(parseVoteEntry('noColon', { item: 'a', phase: VOTE, at: 1 })).toBeUndefined();
    expect(parseVoteEntry('bad id!:x', { item: 'a', phase: VOTE, at: 1 })).toBeUndefined();
    expect(parseVoteEntry(`${BEN}:`, { item: 'a', phase: VOTE, at: 1 })).toBeUndefined();
    expect(parseVoteEntry(`${BEN}:x`, { item: 'a', phase: VOTE, at: Number.NaN })).toBeUndefined();
    expect(parseVoteEntry(`${BEN}:x`, { item: '', phase: VOTE, at: 1 })).toBeUndefined();
    expect(parseVoteEntry(`${BEN}:x`, [1, 2])).toBeUndefined();
    expect(parseVoteEntry(`${BEN}:x`, { item: 'a', phase: VOTE, at: 1 })).toMatchObject({
      voter: BEN,
    });
    const { doc, cards } = voting();
    valueRoot(doc, 'votes').set(`${BEN}:junk`, 'garbage');
    castVote(doc, BEN, cards[0] as string, { hostNow: T0 });
    expect(voteResults(doc, VOTE)).toEqual([{ itemId: cards[0], votes: 1, rank: 1 }]);
  });

  it('counts a list with a repeated entry once', () => {
    const entry = {
      key: `${BEN}:1`,
      voter: BEN,
      item: 'a',
      phaseId: VOTE,
      at: 1,
      enteredBy: '',
      round: '',
    };
    const tally = tallyVotes({
      entries: [entry, entry, entry],
      rules: { budget: 5, capPerItem: 5, facilitatorVotes: false, hiddenUntilReveal: false },
      eligible: () => true,
      resolveItem: (id) => id,
    });
    expect(tally.perItem.get('a')).toBe(1);
  });
});

// ---- the property test -------------------------------------------------------

const VOTERS = ['voterNora', 'voterOle', 'voterPia', 'voterQuinn'];

type Step =
  | { kind: 'cast'; replica: number; item: number; late: number }
  | { kind: 'retract'; replica: number; item: number }
  | { kind: 'raw'; replica: number; item: number; at: number }
  | { kind: 'rules'; budget: number; cap: number; facilitators: boolean; hidden: boolean }
  | { kind: 'publish'; replica: number }
  | { kind: 'deleteCard'; item: number }
  | { kind: 'deliver'; pick: number; index: number; duplicate: boolean }
  | { kind: 'toggle'; replica: number };

const step = (replicas: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('cast' as const),
        replica: fc.nat(replicas - 1),
        item: fc.nat(),
        late: fc.nat(50),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('retract' as const),
        replica: fc.nat(replicas - 1),
        item: fc.nat(),
      }),
    },
    {
      // A buggy or hostile laptop writing dots without looking at its budget.
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        replica: fc.nat(replicas - 1),
        item: fc.nat(),
        at: fc.integer({ min: 0, max: 100 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('rules' as const),
        budget: fc.integer({ min: 1, max: 4 }),
        cap: fc.integer({ min: 1, max: 4 }),
        facilitators: fc.boolean(),
        hidden: fc.boolean(),
      }),
    },
    {
      // The app publishes on every change of the shared document; here, at random.
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('publish' as const),
        replica: fc.nat(replicas - 1),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('deleteCard' as const), item: fc.nat() }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        pick: fc.nat(),
        index: fc.nat(),
        duplicate: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('toggle' as const), replica: fc.nat(replicas - 1) }),
    },
  );

/** The base workshop: host, four voters, five cards, two clusters, vote phase running. */
function votingBase(hiddenUntilReveal: boolean): Uint8Array {
  const { doc, f1, f2 } = facilitated();
  for (const voter of VOTERS) joinWorkshop(doc, voter, voter, T0);
  for (let i = 0; i < 5; i++)
    writeCard(doc, HOST, { fieldId: i % 2 ? f2 : f1, text: `K${i}`, now: T0 });
  createCluster(doc, HOST, { fieldId: f1, name: 'A' });
  createCluster(doc, HOST, { fieldId: f2, name: 'B' });
  setVoteRules(doc, HOST, VOTE, { budget: 3, capPerItem: 2, hiddenUntilReveal });
  goToPhase(doc, HOST, VOTE, T0);
  return Y.encodeStateAsUpdate(doc);
}

/** Replica 0 is the host's laptop; the others belong to voters, some of them twice. */
function voterOf(replica: number): string {
  return replica === 0 ? HOST : (VOTERS[(replica - 1) % 3] as string);
}

function items(doc: Y.Doc): string[] {
  const ids: string[] = [];
  doc.getMap('cards').forEach((_, id) => ids.push(id));
  doc.getMap('clusters').forEach((_, id) => ids.push(id));
  return ids.sort();
}

/** The invariants on one laptop, as it counts: with its own hidden dots if given. */
function checkInvariants(doc: Y.Doc, ballots?: Y.Doc): void {
  const phase = currentPhase(doc);
  const tally = countVotes(doc, VOTE, ballots);
  if (!phase || !tally) throw new Error('vote phase missing');
  const entries = new Map(readVoteEntries(doc, VOTE, ballots).map((entry) => [entry.key, entry]));
  let fromVoters = 0;
  for (const [voter, used] of tally.perVoter) {
    expect(used).toBeLessThanOrEqual(phase.vote.budget);
    fromVoters += used;
    for (const count of votesOf(doc, VOTE, voter, ballots).values()) {
      expect(count).toBeLessThanOrEqual(phase.vote.capPerItem);
    }
  }
  let onItems = 0;
  for (const count of tally.perItem.values()) onItems += count;
  // Every counted dot is one existing entry, counted once, on one item.
  expect(onItems).toBe(tally.counted.size);
  expect(fromVoters).toBe(tally.counted.size);
  for (const key of tally.counted) expect(entries.has(key)).toBe(true);
  if (!phase.vote.facilitatorVotes) expect(tally.perVoter.has(HOST)).toBe(false);
}

describe('votes under concurrent edits (property)', () => {
  // Half the runs start with results hidden until the reveal.
  const bases = [votingBase(false), votingBase(true)];

  it(
    'never exceed a budget or cap, never count twice, and rank alike everywhere',
    () => {
      let overBudgetRaw = 0;
      let casts = 0;
      let hiddenCasts = 0;
      let published = 0;
      fc.assert(
        fc.property(
          fc
            .integer({ min: 3, max: 5 })
            .chain((replicas) =>
              fc.tuple(
                fc.constant(replicas),
                fc.array(step(replicas), { minLength: 20, maxLength: 120 }),
                fc.boolean(),
              ),
            ),
          ([replicas, steps, startHidden]) => {
            const network = new Network(bases[startHidden ? 1 : 0] as Uint8Array, replicas);
            const host = network.docs[0] as Y.Doc;
            // Each laptop's private document (never synced): its hidden dots.
            const ballots = network.docs.map(() => new Y.Doc());
            const ballotsOf = (replica: number) => ballots[replica] as Y.Doc;
            const publishAll = () =>
              network.docs.forEach((doc, replica) => {
                published += publishVotes(doc, ballotsOf(replica)).length;
              });
            for (const current of steps) {
              if (current.kind === 'deliver') {
                network.deliver(current.pick, current.index, current.duplicate);
                continue;
              }
              if (current.kind === 'toggle') {
                network.toggle(current.replica);
                continue;
              }
              if (current.kind === 'rules') {
                setVoteRules(host, HOST, VOTE, {
                  budget: current.budget,
                  capPerItem: current.cap,
                  facilitatorVotes: current.facilitators,
                  hiddenUntilReveal: current.hidden,
                });
                continue;
              }
              if (current.kind === 'publish') {
                const doc = network.docs[current.replica] as Y.Doc;
                published += publishVotes(doc, ballotsOf(current.replica)).length;
                checkInvariants(doc, ballotsOf(current.replica));
                continue;
              }
              if (current.kind === 'deleteCard') {
                const card = pick(Array.from(host.getMap('cards').keys()).sort(), current.item);
                if (card && host.getMap('cards').size > 2) removeCard(host, HOST, card);
                continue;
              }
              const doc = network.docs[current.replica] as Y.Doc;
              const voter = voterOf(current.replica);
              const item = pick(items(doc), current.item) as string;
              const mine = ballotsOf(current.replica);
              if (current.kind === 'cast') {
                const before = privateVoteCount(mine);
                if (castVote(doc, voter, item, { hostNow: T0 + current.late, ballots: mine })) {
                  casts++;
                  if (privateVoteCount(mine) > before) hiddenCasts++;
                }
              } else if (current.kind === 'retract') {
                retractVote(doc, voter, item, { ballots: mine });
              } else {
                doc.transact(() =>
                  valueRoot(doc, 'votes').set(`${voter}:raw${Math.random()}`, {
                    item,
                    phase: VOTE,
                    at: T0 + current.at,
                  }),
                );
              }
              checkInvariants(doc, mine);
              // Hidden dots are on their own laptop only, never in any shared document.
              for (const key of privateVotesMap(mine).keys()) {
                for (const peer of network.docs)
                  expect(valueRoot(peer, 'votes').has(key)).toBe(false);
              }
            }
            // The reveal; every laptop publishes what it kept (also those that were offline).
            network.settle();
            revealPhase(host, HOST, T0 + 1_000);
            network.settle();
            publishAll();
            network.settle();
            for (const mine of ballots) expect(privateVoteCount(mine)).toBe(0);
            const results = network.docs.map((doc) => voteResults(doc, VOTE));
            const counted = network.docs.map((doc) =>
              Array.from(countVotes(doc, VOTE)?.counted ?? []).sort(),
            );
            for (const doc of network.docs) checkInvariants(doc);
            for (let i = 1; i < replicas; i++) {
              expect(results[i]).toEqual(results[0]);
              expect(counted[i]).toEqual(counted[0]);
            }
            // Did the run produce more dots than a budget allows (what the count must trim)?
            const phase = currentPhase(host);
            const raw = new Map<string, number>();
            for (const entry of readVoteEntries(host, VOTE))
              raw.set(entry.voter, (raw.get(entry.voter) ?? 0) + 1);
            if (phase && Array.from(raw.values()).some((n) => n > phase.vote.budget))
              overBudgetRaw++;
          },
        ),
        { numRuns: 60 },
      );
      // The runs exercised what matters: real casts and more entries than budgets.
      expect(casts).toBeGreaterThan(60 * 5);
      expect(hiddenCasts).toBeGreaterThan(60);
      expect(published).toBeGreaterThan(60);
      expect(overBudgetRaw).toBeGreaterThan(5);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
