// Dot voting on cards and clusters. Every dot is an immutable entry of the "votes"
// root under "<voterId>:<uniqueId>", so concurrent votes never overwrite each other
// and a vote delivered twice is still one entry; taking a dot back deletes an entry.
// What counts is decided by voteCount.ts over the merged set. Casting checks the
// budget and cap locally as a courtesy; the count enforces them on every replica.
import type * as Y from 'yjs';
import { collection, isEntity, valueRoot } from '../schema/doc';
import { newId } from '../model/ids';
import { readClusterRecords, resolveCluster } from './board';
import { allowed, boardState } from './guard';
import { readParticipant } from './participants';
import { can } from './permissions';
import { currentPhase, readPhase, type Phase } from './phases';
import { isFacilitator, isFacilitatorRole, roleOf } from './roles';
import { change } from './transaction';
import {
  compareVotes,
  parseVoteEntry,
  rankItems,
  tallyVotes,
  type RankedItem,
  type VoteEntry,
  type VoteTally,
} from './voteCount';
import { isParticipantId } from './values';

export function readVoteEntries(doc: Y.Doc, phaseId: string): VoteEntry[] {
  const entries: VoteEntry[] = [];
  valueRoot(doc, 'votes').forEach((value, key) => {
    const entry = parseVoteEntry(key, value);
    if (entry && entry.phaseId === phaseId) entries.push(entry);
  });
  return entries;
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

function tallyFor(doc: Y.Doc, phase: Phase): VoteTally {
  return tallyVotes({
    entries: readVoteEntries(doc, phase.id),
    rules: phase.vote,
    eligible: (voter) => phase.vote.facilitatorVotes || !isFacilitatorRole(roleOf(doc, voter)),
    resolveItem: voteItemResolver(doc),
  });
}

/** The counted votes of a phase; undefined for an unknown phase. */
export function countVotes(doc: Y.Doc, phaseId: string): VoteTally | undefined {
  const phase = readPhase(doc, phaseId);
  return phase ? tallyFor(doc, phase) : undefined;
}

/** Ranked results of a phase (ignores whether they may be shown: see resultsVisible). */
export function voteResults(doc: Y.Doc, phaseId: string): RankedItem[] {
  const tally = countVotes(doc, phaseId);
  return tally ? rankItems(tally.perItem) : [];
}

/** Results are shown unless hidden until a reveal that has not happened yet. */
export function resultsVisible(doc: Y.Doc, phaseId: string): boolean {
  const phase = readPhase(doc, phaseId);
  return phase !== undefined && (!phase.vote.hiddenUntilReveal || phase.revealed);
}

/** Dots `voterId` has left in a phase. */
export function remainingVotes(doc: Y.Doc, phaseId: string, voterId: string): number {
  const phase = readPhase(doc, phaseId);
  if (!phase) return 0;
  return Math.max(0, phase.vote.budget - (tallyFor(doc, phase).perVoter.get(voterId) ?? 0));
}

/** Counted dots `voterId` has on each item in a phase. */
export function votesOf(doc: Y.Doc, phaseId: string, voterId: string): Map<string, number> {
  const mine = new Map<string, number>();
  const phase = readPhase(doc, phaseId);
  if (!phase) return mine;
  const tally = tallyFor(doc, phase);
  const resolve = voteItemResolver(doc);
  for (const entry of readVoteEntries(doc, phaseId)) {
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
}

/** Puts one dot on a card or cluster in the running vote phase. */
export function castVote(doc: Y.Doc, actorId: string, itemId: string, options: CastVote): boolean {
  const phase = currentPhase(doc);
  if (!phase) return false;
  const voter = voterFor(doc, actorId, phase, options.onBehalfOf);
  const item = voteItemResolver(doc)(itemId);
  if (voter === undefined || item === undefined) return false;
  if (remainingVotes(doc, phase.id, voter) <= 0) return false;
  if ((votesOf(doc, phase.id, voter).get(item) ?? 0) >= phase.vote.capPerItem) return false;
  const entry: Record<string, string | number> = { item, phase: phase.id, at: options.hostNow };
  if (voter !== actorId) entry.by = actorId;
  change(doc, () => valueRoot(doc, 'votes').set(`${voter}:${newId()}`, entry));
  return true;
}

/** Takes one dot back from an item: an uncounted surplus entry first, else the latest. */
export function retractVote(
  doc: Y.Doc,
  actorId: string,
  itemId: string,
  options: { readonly onBehalfOf?: string } = {},
): boolean {
  const phase = currentPhase(doc);
  if (!phase) return false;
  const voter = voterFor(doc, actorId, phase, options.onBehalfOf);
  if (voter === undefined) return false;
  const resolve = voteItemResolver(doc);
  const item = resolve(itemId) ?? itemId;
  const tally = tallyFor(doc, phase);
  const mine = readVoteEntries(doc, phase.id)
    .filter((entry) => entry.voter === voter && (resolve(entry.item) ?? entry.item) === item)
    .sort(compareVotes);
  const victim =
    mine.filter((entry) => !tally.counted.has(entry.key)).pop() ?? mine[mine.length - 1];
  if (!victim) return false;
  change(doc, () => valueRoot(doc, 'votes').delete(victim.key));
  return true;
}

/** Facilitators start a vote over: every dot of the phase is removed. */
export function clearVotes(doc: Y.Doc, actorId: string, phaseId: string): boolean {
  if (!allowed(doc, actorId, 'setVoteRules')) return false;
  const keys = readVoteEntries(doc, phaseId).map((entry) => entry.key);
  if (keys.length === 0) return false;
  change(doc, () => {
    const votes = valueRoot(doc, 'votes');
    for (const key of keys) votes.delete(key);
  });
  return true;
}

/** Whether the viewer may see results now: facilitators always, others per resultsVisible. */
export function mayViewResults(doc: Y.Doc, viewerId: string, phaseId: string): boolean {
  return (
    (isParticipantId(viewerId) && isFacilitator(doc, viewerId)) || resultsVisible(doc, phaseId)
  );
}
