// Hidden votes are as private as private cards. While a vote phase hides its
// results until the reveal, a dot is not written into the shared document (every
// replica would have it, and anyone could read who voted for what from their
// database): it goes into this device's private document (voteEntries.ts), and the
// shared document learns only how many dots each voter has used (voteProgress.ts).
// Once the phase is revealed, or stops hiding its results, every device publishes
// its dots: the same entries under the same keys into the shared "votes" root, in
// one transaction, and then forgets them locally. Publishing is idempotent (a key
// that is already there is not written again) and happens whenever the shared
// document changes, so a device that was offline at the reveal publishes when it
// returns. Counting (voteCount.ts) then caps everybody's dots as before, also for
// someone who voted on two devices under one identity.
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { LOCAL_ORIGIN } from '../schema/origin';
import { readPhase, type Phase } from './phases';
import { change } from './transaction';
import { parseVoteEntry } from './voteCount';
import { privateVotesMap, voteItemResolver, voteRound } from './voteEntries';

/** Whether dots cast in this phase now stay on the device until the reveal. */
export function votesArePrivate(phase: Phase): boolean {
  return phase.vote.hiddenUntilReveal && !phase.revealed;
}

/** Adds one of this device's hidden dots (one transaction on the private document). */
export function addPrivateVote(ballots: Y.Doc, key: string, entry: Record<string, unknown>): void {
  ballots.transact(() => privateVotesMap(ballots).set(key, entry), LOCAL_ORIGIN);
}

/** Takes one of this device's hidden dots back; false if it has no such entry. */
export function removePrivateVote(ballots: Y.Doc, key: string): boolean {
  const map = privateVotesMap(ballots);
  if (!map.has(key)) return false;
  ballots.transact(() => map.delete(key), LOCAL_ORIGIN);
  return true;
}

/** How many hidden dots this device holds (published or stale ones are gone). */
export function privateVoteCount(ballots: Y.Doc): number {
  return privateVotesMap(ballots).size;
}

interface Sorted {
  /** Entries whose phase no longer hides them: to go into the shared document. */
  readonly publish: { readonly key: string; readonly value: unknown }[];
  /** Entries that can never count (earlier round, deleted item, garbage): to forget. */
  readonly drop: string[];
}

function sortPrivateVotes(shared: Y.Doc, ballots: Y.Doc): Sorted {
  const publish: { key: string; value: unknown }[] = [];
  const drop: string[] = [];
  const phases = new Map<string, Phase | undefined>();
  const resolve = voteItemResolver(shared);
  privateVotesMap(ballots).forEach((value, key) => {
    const entry = parseVoteEntry(key, value);
    if (!entry) {
      drop.push(key);
      return;
    }
    if (!phases.has(entry.phaseId)) phases.set(entry.phaseId, readPhase(shared, entry.phaseId));
    const phase = phases.get(entry.phaseId);
    // A phase this replica does not know (yet): keep the dot until it does.
    if (!phase) return;
    if (entry.round !== voteRound(shared, phase.id)) drop.push(key);
    else if (votesArePrivate(phase)) return;
    // A dot on a deleted card or cluster never counts; it is not published either.
    else if (resolve(entry.item) === undefined) drop.push(key);
    else publish.push({ key, value });
  });
  return { publish, drop };
}

/** Keys of this device's hidden dots that may be published now. */
export function publishableVotes(shared: Y.Doc, ballots: Y.Doc): string[] {
  return sortPrivateVotes(shared, ballots).publish.map((entry) => entry.key);
}

/**
 * Publishes this device's dots whose phase is revealed (or no longer hides them):
 * one transaction on the shared document, then one on the private document that
 * forgets them (and dots that can never count). Returns the keys written now.
 */
export function publishVotes(shared: Y.Doc, ballots: Y.Doc): string[] {
  const { publish, drop } = sortPrivateVotes(shared, ballots);
  if (publish.length === 0 && drop.length === 0) return [];
  const votes = valueRoot(shared, 'votes');
  const fresh = publish.filter((entry) => !votes.has(entry.key));
  if (fresh.length > 0) {
    change(shared, () => {
      for (const { key, value } of fresh) votes.set(key, value);
    });
  }
  const map = privateVotesMap(ballots);
  ballots.transact(() => {
    for (const { key } of publish) map.delete(key);
    for (const key of drop) map.delete(key);
  }, LOCAL_ORIGIN);
  return fresh.map((entry) => entry.key);
}
