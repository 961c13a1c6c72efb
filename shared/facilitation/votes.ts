// Dot voting on cards and clusters. Every dot is an immutable entry under
// "<voterId>:<uniqueId>", so concurrent votes never overwrite each other and a vote
// delivered twice is still one entry; taking a dot back deletes an entry. Where the
// entry goes: the shared "votes" root, or, while the phase hides its results until
// the reveal, this device's private document (`ballots`, privateVotes.ts), so that
// nobody can read others' votes from their database before the reveal. What counts
// is decided by voteCount.ts over the merged set (voteEntries.ts). Casting checks
// the budget and cap locally, private dots included, as a courtesy; the count
// enforces them on every replica.
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { newId } from '../model/ids';
import { allowed, boardState } from './guard';
import { readParticipant } from './participants';
import { can } from './permissions';
import { currentPhase, phaseEntity, readPhase, type Phase } from './phases';
import { addPrivateVote, removePrivateVote, votesArePrivate } from './privateVotes';
import { change } from './transaction';
import { compareVotes, rankItems, type RankedItem, type VoteTally } from './voteCount';
import {
  isPrivateVote,
  readVoteEntries,
  tallyFor,
  VOTE_ROUND_KEY,
  voteItemResolver,
  voteRound,
} from './voteEntries';
import { shareVoteProgress } from './voteProgress';

export { readVoteEntries, voteItemResolver };

/** The counted votes of a phase (with this device's private ones); undefined for an unknown phase. */
export function countVotes(doc: Y.Doc, phaseId: string, ballots?: Y.Doc): VoteTally | undefined {
  const phase = readPhase(doc, phaseId);
  return phase ? tallyFor(doc, phase, ballots) : undefined;
}

/** Ranked results of a phase (ignores whether they may be shown: see resultsVisible). */
export function voteResults(doc: Y.Doc, phaseId: string, ballots?: Y.Doc): RankedItem[] {
  const tally = countVotes(doc, phaseId, ballots);
  return tally ? rankItems(tally.perItem) : [];
}

/**
 * Results are shown unless hidden until a reveal that has not happened yet. Then
 * nobody sees them, facilitators neither: the dots are on the voters' devices.
 */
export function resultsVisible(doc: Y.Doc, phaseId: string): boolean {
  const phase = readPhase(doc, phaseId);
  return phase !== undefined && !votesArePrivate(phase);
}

/** Dots `voterId` has left in a phase (counting this device's private ones). */
export function remainingVotes(
  doc: Y.Doc,
  phaseId: string,
  voterId: string,
  ballots?: Y.Doc,
): number {
  const phase = readPhase(doc, phaseId);
  if (!phase) return 0;
  const used = tallyFor(doc, phase, ballots).perVoter.get(voterId) ?? 0;
  return Math.max(0, phase.vote.budget - used);
}

/** Counted dots `voterId` has on each item in a phase (counting this device's private ones). */
export function votesOf(
  doc: Y.Doc,
  phaseId: string,
  voterId: string,
  ballots?: Y.Doc,
): Map<string, number> {
  const mine = new Map<string, number>();
  const phase = readPhase(doc, phaseId);
  if (!phase) return mine;
  const tally = tallyFor(doc, phase, ballots);
  const resolve = voteItemResolver(doc);
  for (const entry of readVoteEntries(doc, phaseId, ballots)) {
    const item = resolve(entry.item);
    if (entry.voter === voterId && item !== undefined && tally.counted.has(entry.key)) {
      mine.set(item, (mine.get(item) ?? 0) + 1);
    }
  }
  return mine;
}

/** Who the dot is for: the actor, or a proxy participant a facilitator votes for. */
function voterFor(doc: Y.Doc, actorId: string, phase: Phase, onBehalfOf?: string) {
  if (onBehalfOf === undefined || onBehalfOf === actorId) {
    return allowed(doc, actorId, 'vote') ? actorId : undefined;
  }
  if (!readParticipant(doc, onBehalfOf)?.proxy) return undefined;
  if (!allowed(doc, actorId, 'enterProxyCard')) return undefined;
  return can('participant', 'vote', phase, { ...boardState(doc), locked: false })
    ? onBehalfOf
    : undefined;
}

export interface CastVote {
  /** Host clock, ms. */
  readonly hostNow: number;
  /** A facilitator voting for a "no laptop" participant. */
  readonly onBehalfOf?: string;
  /**
   * This device's private document: where dots go while the phase hides results
   * until the reveal (without it, such a dot is refused), and whose dots count
   * towards the budget and cap.
   */
  readonly ballots?: Y.Doc;
}

/** Puts one dot on a card or cluster in the running vote phase. */
export function castVote(doc: Y.Doc, actorId: string, itemId: string, options: CastVote): boolean {
  const phase = currentPhase(doc);
  if (!phase) return false;
  const { ballots } = options;
  const privately = votesArePrivate(phase);
  if (privately && !ballots) return false;
  const voter = voterFor(doc, actorId, phase, options.onBehalfOf);
  const item = voteItemResolver(doc)(itemId);
  if (voter === undefined || item === undefined) return false;
  if (remainingVotes(doc, phase.id, voter, ballots) <= 0) return false;
  if ((votesOf(doc, phase.id, voter, ballots).get(item) ?? 0) >= phase.vote.capPerItem) {
    return false;
  }
  const entry: Record<string, string | number> = { item, phase: phase.id, at: options.hostNow };
  const round = voteRound(doc, phase.id);
  if (round !== '') entry.round = round;
  if (voter !== actorId) entry.by = actorId;
  const key = `${voter}:${newId()}`;
  if (privately && ballots) {
    addPrivateVote(ballots, key, entry);
    shareVoteProgress(doc, ballots, voter);
  } else {
    change(doc, () => valueRoot(doc, 'votes').set(key, entry));
  }
  return true;
}

/** Takes one dot back from an item: an uncounted surplus entry first, else the latest. */
export function retractVote(
  doc: Y.Doc,
  actorId: string,
  itemId: string,
  options: { readonly onBehalfOf?: string; readonly ballots?: Y.Doc } = {},
): boolean {
  const phase = currentPhase(doc);
  if (!phase) return false;
  const { ballots } = options;
  const voter = voterFor(doc, actorId, phase, options.onBehalfOf);
  if (voter === undefined) return false;
  const resolve = voteItemResolver(doc);
  const item = resolve(itemId) ?? itemId;
  const tally = tallyFor(doc, phase, ballots);
  const mine = readVoteEntries(doc, phase.id, ballots)
    .filter((entry) => entry.voter === voter && (resolve(entry.item) ?? entry.item) === item)
    .sort(compareVotes);
  const victim =
    mine.filter((entry) => !tally.counted.has(entry.key)).pop() ?? mine[mine.length - 1];
  if (!victim) return false;
  if (ballots && isPrivateVote(ballots, victim.key)) removePrivateVote(ballots, victim.key);
  const votes = valueRoot(doc, 'votes');
  if (votes.has(victim.key)) change(doc, () => votes.delete(victim.key));
  if (ballots && votesArePrivate(phase)) shareVoteProgress(doc, ballots, voter);
  return true;
}

/**
 * Facilitators start a vote over: every shared dot of the phase is removed, and the
 * phase gets a new vote round, so that hidden dots still on the voters' devices
 * (which no one else can delete) never count and are dropped there.
 */
export function clearVotes(doc: Y.Doc, actorId: string, phaseId: string): boolean {
  const map = phaseEntity(doc, phaseId);
  if (!map || !allowed(doc, actorId, 'setVoteRules')) return false;
  const keys = readVoteEntries(doc, phaseId).map((entry) => entry.key);
  change(doc, () => {
    const votes = valueRoot(doc, 'votes');
    for (const key of keys) votes.delete(key);
    map.set(VOTE_ROUND_KEY, newId());
  });
  return true;
}

/**
 * Whether the viewer may see results now: the same for everybody (resultsVisible).
 * Facilitators used to see hidden results early; with hidden dots on the voters'
 * devices there is nothing to see before the reveal but the progress (voteProgress.ts).
 */
export function mayViewResults(doc: Y.Doc, _viewerId: string, phaseId: string): boolean {
  return resultsVisible(doc, phaseId);
}
