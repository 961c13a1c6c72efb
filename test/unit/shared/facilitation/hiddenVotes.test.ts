// Hidden votes are as private as private cards: while a vote phase hides its results
// until the reveal, nobody can read anybody else's dots, not on screen and not in
// their database. Each laptop keeps its own dots in its private document (never
// synced) and shares only how many it has used; at the reveal each laptop publishes
// its dots, exactly once, also when it comes back later, and then every laptop
// counts the same result. Budget and cap hold offline before the reveal and, by the
// merge rule, after it for someone who voted on two laptops under one identity.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setVoteRules } from '../../../../shared/facilitation/agenda';
import { removeCard, writeCard } from '../../../../shared/facilitation/cards';
import { addProxyParticipant } from '../../../../shared/facilitation/people';
import {
  privateVoteCount,
  publishableVotes,
  publishVotes,
} from '../../../../shared/facilitation/privateVotes';
import { goToPhase, revealPhase } from '../../../../shared/facilitation/session';
import { privateVotesMap } from '../../../../shared/facilitation/voteEntries';
import { readVoteProgress } from '../../../../shared/facilitation/voteProgress';
import {
  castVote,
  clearVotes,
  countVotes,
  readVoteEntries,
  remainingVotes,
  retractVote,
  voteResults,
  votesOf,
} from '../../../../shared/facilitation/votes';
import { valueRoot } from '../../../../shared/schema/doc';
import { syncAll, transactionsDuring } from '../helpers';
import {
  BEN,
  CARLA,
  deviceFor,
  facilitated,
  HOST,
  occurrences,
  recordUpdates,
  T0,
} from './fixture';

const VOTE = 'default-vote';

/** Host, Ben and Carla on their own laptops, each with a private document; hidden vote running. */
function room(rules: Parameters<typeof setVoteRules>[3] = {}) {
  const { doc: host, f1, f2 } = facilitated();
  const cards = ['Terminbuchung', 'E-Akte', 'WLAN im Rathaus', 'Open Data'].map(
    (text, i) => writeCard(host, HOST, { fieldId: i % 2 ? f2 : f1, text, now: T0 + i }) as string,
  );
  setVoteRules(host, HOST, VOTE, { budget: 3, capPerItem: 2, hiddenUntilReveal: true, ...rules });
  goToPhase(host, HOST, VOTE, T0 + 100);
  const ben = deviceFor(host, 2, BEN);
  const carla = deviceFor(host, 3, CARLA);
  syncAll(host, ben, carla);
  return {
    host,
    ben,
    carla,
    cards: cards as [string, string, string, string],
    benBallots: new Y.Doc(),
    carlaBallots: new Y.Doc(),
  };
}

function keysOf(ballots: Y.Doc): string[] {
  return Array.from(privateVotesMap(ballots).keys());
}

describe('hidden votes before the reveal', () => {
  it('stay on the voter’s laptop: nothing sent or stored elsewhere names them', () => {
    const { host, ben, carla, cards, benBallots, carlaBallots } = room();
    const sent = recordUpdates(ben);
    const [a, b, c] = cards;
    expect(castVote(ben, BEN, a, { hostNow: T0 + 1, ballots: benBallots })).toBe(true);
    expect(castVote(ben, BEN, a, { hostNow: T0 + 2, ballots: benBallots })).toBe(true);
    expect(castVote(ben, BEN, b, { hostNow: T0 + 3, ballots: benBallots })).toBe(true);
    expect(castVote(carla, CARLA, c, { hostNow: T0 + 4, ballots: carlaBallots })).toBe(true);
    syncAll(host, ben, carla);

    const benKeys = keysOf(benBallots);
    expect(benKeys).toHaveLength(3);
    // The byte search finds the keys where they are: in Ben's private document.
    for (const key of benKeys) expect(occurrences(Y.encodeStateAsUpdate(benBallots), key)).toBe(1);
    // Nothing that left Ben's laptop, and nothing Carla or the host store, has them.
    for (const bytes of [
      ...sent,
      Y.encodeStateAsUpdate(ben),
      Y.encodeStateAsUpdate(carla),
      Y.encodeStateAsUpdate(host),
    ]) {
      for (const key of benKeys) expect(occurrences(bytes, key)).toBe(0);
      expect(occurrences(bytes, `${BEN}:`)).toBe(0);
    }
    // No laptop reads a vote entry of Ben's, Carla's with her own dots included.
    for (const [doc, ballots] of [
      [host, undefined],
      [carla, carlaBallots],
    ] as const) {
      expect(readVoteEntries(doc, VOTE, ballots).filter((e) => e.voter === BEN)).toEqual([]);
    }
    expect(valueRoot(host, 'votes').size).toBe(0);
    // What is shared: how many have voted and how many dots they used.
    expect(readVoteProgress(host, VOTE)).toEqual({ voted: 2, expected: 2, dots: 4 });
    // Ben's own laptop counts his dots; the shared document alone does not.
    expect(remainingVotes(ben, VOTE, BEN, benBallots)).toBe(0);
    expect(remainingVotes(ben, VOTE, BEN)).toBe(3);
  });

  it('are refused without a private document, and nothing is written', () => {
    const { ben, cards } = room();
    const seen = transactionsDuring(ben, () =>
      expect(castVote(ben, BEN, cards[0], { hostNow: T0 })).toBe(false),
    );
    expect(seen).toHaveLength(0);
  });

  it('keep budget and cap on an offline laptop, and can be taken back', () => {
    const { ben, cards, benBallots } = room();
    const [a, b, c, d] = cards;
    const vote = (item: string) => castVote(ben, BEN, item, { hostNow: T0, ballots: benBallots });
    expect(vote(a)).toBe(true);
    expect(vote(a)).toBe(true);
    expect(vote(a)).toBe(false); // cap 2
    expect(vote(b)).toBe(true);
    expect(vote(c)).toBe(false); // budget 3
    expect(votesOf(ben, VOTE, BEN, benBallots)).toEqual(
      new Map([
        [a, 2],
        [b, 1],
      ]),
    );
    expect(retractVote(ben, BEN, a, { ballots: benBallots })).toBe(true);
    expect(remainingVotes(ben, VOTE, BEN, benBallots)).toBe(1);
    expect(vote(d)).toBe(true);
    expect(privateVoteCount(benBallots)).toBe(3);
    expect(valueRoot(ben, 'votes').size).toBe(0);
  });

  it('give the facilitator a count per person, proxies included', () => {
    const { host, ben, cards, benBallots } = room();
    const proxy = addProxyParticipant(host, HOST, 'Herr Dorn', T0) as string;
    const hostBallots = new Y.Doc();
    castVote(host, HOST, cards[0], { hostNow: T0, onBehalfOf: proxy, ballots: hostBallots });
    castVote(ben, BEN, cards[1], { hostNow: T0, ballots: benBallots });
    syncAll(host, ben);
    expect(readVoteProgress(host, VOTE)).toEqual({ voted: 2, expected: 3, dots: 2 });
    retractVote(ben, BEN, cards[1], { ballots: benBallots });
    syncAll(host, ben);
    expect(readVoteProgress(host, VOTE)).toEqual({ voted: 1, expected: 3, dots: 1 });
    expect(privateVotesMap(hostBallots).size).toBe(1);
  });
});

describe('hidden votes at the reveal', () => {
  it('are published by every laptop, and then every laptop counts the same', () => {
    const { host, ben, carla, cards, benBallots, carlaBallots } = room();
    const [a, b, c] = cards;
    castVote(ben, BEN, a, { hostNow: T0 + 1, ballots: benBallots });
    castVote(ben, BEN, b, { hostNow: T0 + 2, ballots: benBallots });
    castVote(carla, CARLA, b, { hostNow: T0 + 3, ballots: carlaBallots });
    castVote(carla, CARLA, c, { hostNow: T0 + 4, ballots: carlaBallots });
    const bensView = votesOf(ben, VOTE, BEN, benBallots);
    const carlasView = votesOf(carla, VOTE, CARLA, carlaBallots);
    // Not publishable before the reveal.
    expect(publishableVotes(ben, benBallots)).toEqual([]);
    expect(transactionsDuring(ben, () => publishVotes(ben, benBallots))).toHaveLength(0);

    revealPhase(host, HOST, T0 + 1_000);
    syncAll(host, ben, carla);
    const benKeys = keysOf(benBallots);
    const seen = transactionsDuring(ben, () =>
      expect(publishVotes(ben, benBallots).sort()).toEqual(benKeys.sort()),
    );
    expect(seen).toHaveLength(1);
    expect(publishVotes(carla, carlaBallots)).toHaveLength(2);
    syncAll(host, ben, carla);

    // Forgotten locally; published once; the same count everywhere.
    expect(privateVoteCount(benBallots)).toBe(0);
    expect(transactionsDuring(ben, () => publishVotes(ben, benBallots))).toHaveLength(0);
    for (const doc of [host, ben, carla]) {
      expect(votesOf(doc, VOTE, BEN)).toEqual(bensView);
      expect(votesOf(doc, VOTE, CARLA)).toEqual(carlasView);
      expect(voteResults(doc, VOTE)).toEqual([
        { itemId: b, votes: 2, rank: 1 },
        // Equal counts share a rank, ordered by id.
        ...[a, c].sort().map((itemId) => ({ itemId, votes: 1, rank: 2 })),
      ]);
      for (const key of benKeys) expect(occurrences(Y.encodeStateAsUpdate(doc), key)).toBe(1);
    }
    expect(readVoteProgress(host, VOTE)).toEqual({ voted: 2, expected: 2, dots: 4 });
  });

  it('are published by a laptop that was offline at the reveal when it returns', () => {
    const { host, ben, carla, cards, benBallots, carlaBallots } = room();
    castVote(ben, BEN, cards[0], { hostNow: T0, ballots: benBallots });
    castVote(carla, CARLA, cards[1], { hostNow: T0, ballots: carlaBallots });
    syncAll(host, ben); // Carla's laptop is offline
    revealPhase(host, HOST, T0 + 1_000);
    syncAll(host, ben);
    publishVotes(ben, benBallots);
    syncAll(host, ben);
    expect(voteResults(host, VOTE)).toEqual([{ itemId: cards[0], votes: 1, rank: 1 }]);
    // Still offline: her laptop has not seen the reveal and keeps the dot to itself.
    expect(publishVotes(carla, carlaBallots)).toEqual([]);
    syncAll(host, ben, carla);
    expect(publishVotes(carla, carlaBallots)).toHaveLength(1);
    syncAll(host, ben, carla);
    for (const doc of [host, ben, carla]) expect(countVotes(doc, VOTE)?.counted.size).toBe(2);
  });

  it('are written once even if a copy of the private document publishes again', () => {
    const { host, ben, cards, benBallots } = room();
    castVote(ben, BEN, cards[0], { hostNow: T0, ballots: benBallots });
    // A copy as it was on disk before the laptop forgot the published dot.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(benBallots));
    revealPhase(host, HOST, T0 + 1);
    syncAll(host, ben);
    expect(publishVotes(ben, benBallots)).toHaveLength(1);
    const again = transactionsDuring(ben, () => expect(publishVotes(ben, copy)).toEqual([]));
    expect(again).toHaveLength(0);
    expect(privateVoteCount(copy)).toBe(0);
    expect(readVoteEntries(ben, VOTE)).toHaveLength(1);
  });

  it('are capped by the merge rule for one identity voting on two laptops', () => {
    const { host, ben, cards, benBallots } = room({ budget: 2, capPerItem: 2 });
    const benSecondLaptop = deviceFor(host, 4, BEN);
    const secondBallots = new Y.Doc();
    const [a, b, c] = cards;
    // Neither laptop knows of the other's dots: each allows the whole budget.
    castVote(ben, BEN, a, { hostNow: T0 + 10, ballots: benBallots });
    castVote(ben, BEN, b, { hostNow: T0 + 30, ballots: benBallots });
    castVote(benSecondLaptop, BEN, c, { hostNow: T0 + 20, ballots: secondBallots });
    castVote(benSecondLaptop, BEN, c, { hostNow: T0 + 40, ballots: secondBallots });
    revealPhase(host, HOST, T0 + 1_000);
    syncAll(host, ben, benSecondLaptop);
    publishVotes(ben, benBallots);
    publishVotes(benSecondLaptop, secondBallots);
    syncAll(host, ben, benSecondLaptop);
    expect(readVoteEntries(host, VOTE)).toHaveLength(4);
    // The earliest two count, on every laptop.
    for (const doc of [host, ben, benSecondLaptop]) {
      expect(countVotes(doc, VOTE)?.perVoter.get(BEN)).toBe(2);
      expect(votesOf(doc, VOTE, BEN)).toEqual(
        new Map([
          [a, 1],
          [c, 1],
        ]),
      );
    }
  });

  it('drop dots on a card deleted before the reveal: back in the budget, never published', () => {
    const { host, ben, cards, benBallots } = room();
    castVote(ben, BEN, cards[0], { hostNow: T0, ballots: benBallots });
    castVote(ben, BEN, cards[1], { hostNow: T0, ballots: benBallots });
    removeCard(host, HOST, cards[0]);
    syncAll(host, ben);
    expect(remainingVotes(ben, VOTE, BEN, benBallots)).toBe(2);
    revealPhase(host, HOST, T0 + 1);
    syncAll(host, ben);
    expect(publishVotes(ben, benBallots)).toHaveLength(1);
    expect(privateVoteCount(benBallots)).toBe(0);
    syncAll(host, ben);
    expect(readVoteEntries(host, VOTE).map((entry) => entry.item)).toEqual([cards[1]]);
  });

  it('are published as soon as the facilitator stops hiding the results', () => {
    const { host, ben, cards, benBallots } = room();
    castVote(ben, BEN, cards[0], { hostNow: T0, ballots: benBallots });
    setVoteRules(host, HOST, VOTE, { hiddenUntilReveal: false });
    syncAll(host, ben);
    expect(publishableVotes(ben, benBallots)).toHaveLength(1);
    publishVotes(ben, benBallots);
    // Voting goes on, now in the shared document.
    expect(castVote(ben, BEN, cards[1], { hostNow: T0 + 1, ballots: benBallots })).toBe(true);
    syncAll(host, ben);
    expect(votesOf(host, VOTE, BEN).size).toBe(2);
    expect(privateVoteCount(benBallots)).toBe(0);
  });

  it('never count once the facilitator started the vote over, on any laptop', () => {
    const { host, ben, cards, benBallots } = room();
    castVote(ben, BEN, cards[0], { hostNow: T0, ballots: benBallots });
    castVote(ben, BEN, cards[1], { hostNow: T0, ballots: benBallots });
    syncAll(host, ben);
    expect(readVoteProgress(host, VOTE).dots).toBe(2);
    expect(clearVotes(ben, BEN, VOTE)).toBe(false);
    expect(clearVotes(host, HOST, VOTE)).toBe(true);
    syncAll(host, ben);
    expect(readVoteProgress(host, VOTE)).toEqual({ voted: 0, expected: 2, dots: 0 });
    expect(remainingVotes(ben, VOTE, BEN, benBallots)).toBe(3);
    castVote(ben, BEN, cards[2], { hostNow: T0 + 5, ballots: benBallots });
    revealPhase(host, HOST, T0 + 10);
    syncAll(host, ben);
    expect(publishVotes(ben, benBallots)).toHaveLength(1);
    syncAll(host, ben);
    expect(voteResults(host, VOTE)).toEqual([{ itemId: cards[2], votes: 1, rank: 1 }]);
    expect(privateVoteCount(benBallots)).toBe(0);
  });
});
