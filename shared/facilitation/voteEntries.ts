// Where dot votes are and which of them a device can count. Votes live in the
// shared "votes" root, except while a vote phase hides its results: then each
// device keeps its own dots in its private document (the draft document of
// drafts.ts, root PRIVATE_VOTES_ROOT, never synced) until the reveal (privateVotes.ts).
// Both use the same entry format, "<voterId>:<uniqueId>" → { item, phase, at, by?,
// round? }, so a device counts the union of the shared entries and its own private
// ones, and after the reveal every device counts the same shared set. A phase's
// vote round changes when a facilitator starts the vote over (clearVotes): entries
// of an earlier round never count, wherever they are.
import type * as Y from 'yjs';
import { collection, isEntity, valueRoot } from '../schema/doc';
import { readClusterRecords, resolveCluster } from './board';
import { phaseEntity, type Phase } from './phases';
import { isFacilitatorRole, roleOf } from './roles';
import { parseVoteEntry, tallyVotes, type VoteEntry, type VoteTally } from './voteCount';

/** The root of a device's private document that holds its hidden votes. */
export const PRIVATE_VOTES_ROOT = 'votes';
/** Key of a phase entity: the current vote round ('' until a vote is started over). */
export const VOTE_ROUND_KEY = 'voteRound';

/** This device's hidden votes (in its private document). */
export function privateVotesMap(ballots: Y.Doc): Y.Map<unknown> {
  return ballots.getMap(PRIVATE_VOTES_ROOT);
}

/** The vote round of a phase: votes of other rounds never count. */
export function voteRound(doc: Y.Doc, phaseId: string): string {
  const round = phaseEntity(doc, phaseId)?.get(VOTE_ROUND_KEY);
  return typeof round === 'string' ? round : '';
}

/**
 * The vote entries of a phase's current round: the shared ones plus, with `ballots`
 * (this device's private document), its private ones. An entry in both counts once.
 */
export function readVoteEntries(doc: Y.Doc, phaseId: string, ballots?: Y.Doc): VoteEntry[] {
  const round = voteRound(doc, phaseId);
  const entries = new Map<string, VoteEntry>();
  const add = (value: unknown, key: string) => {
    if (entries.has(key)) return;
    const entry = parseVoteEntry(key, value);
    if (entry && entry.phaseId === phaseId && entry.round === round) entries.set(key, entry);
  };
  valueRoot(doc, 'votes').forEach(add);
  if (ballots) privateVotesMap(ballots).forEach(add);
  return Array.from(entries.values());
}

/** Resolves what a vote is for: a card, or a live cluster (merged ones forward). */
export function voteItemResolver(doc: Y.Doc): (itemId: string) => string | undefined {
  const cards = collection(doc, 'cards');
  const records = readClusterRecords(doc);
  return (itemId) => {
    if (isEntity(cards.get(itemId))) return itemId;
    return resolveCluster(records, itemId);
  };
}

/** Whether a voter's dots count in a phase (facilitators only if the rules say so). */
export function eligibleVoter(doc: Y.Doc, phase: Phase): (voterId: string) => boolean {
  return (voter) => phase.vote.facilitatorVotes || !isFacilitatorRole(roleOf(doc, voter));
}

/** The counted votes of a phase as this device sees them (with its private ones). */
export function tallyFor(doc: Y.Doc, phase: Phase, ballots?: Y.Doc): VoteTally {
  return tallyVotes({
    entries: readVoteEntries(doc, phase.id, ballots),
    rules: phase.vote,
    eligible: eligibleVoter(doc, phase),
    resolveItem: voteItemResolver(doc),
  });
}

/** Whether the private document holds this entry (as opposed to the shared one). */
export function isPrivateVote(ballots: Y.Doc | undefined, key: string): boolean {
  return ballots !== undefined && privateVotesMap(ballots).has(key);
}
