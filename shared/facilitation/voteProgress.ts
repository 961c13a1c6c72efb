// How far a vote has got, without saying for what: while votes are hidden until the
// reveal they stay on each device (privateVotes.ts), and the shared document learns
// only how many dots each voter has used ("voteProgress": voterId → { phase, round,
// used }). The facilitator's "7 of 12 have voted" combines that with the dots that
// are in the shared document (votes cast before hiding, or already published).
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { listParticipants } from './participants';
import { currentPhase, readPhase } from './phases';
import { change } from './transaction';
import { eligibleVoter, tallyFor, voteRound } from './voteEntries';
import { finiteOr, isParticipantId, isRecord } from './values';

export interface VoteProgress {
  /** Eligible voters who have used at least one dot. */
  readonly voted: number;
  /** Everyone whose dots count: participants (proxies included), facilitators if they vote. */
  readonly expected: number;
  /** Dots used, summed over the eligible voters. */
  readonly dots: number;
}

/**
 * Shares how many dots `voterId` has used in the running vote phase, as this
 * device counts them with its private ones (`ballots`); writes only on a change.
 */
export function shareVoteProgress(shared: Y.Doc, ballots: Y.Doc, voterId: string): void {
  const phase = currentPhase(shared);
  if (!phase || !isParticipantId(voterId)) return;
  const used = tallyFor(shared, phase, ballots).perVoter.get(voterId) ?? 0;
  const round = voteRound(shared, phase.id);
  const progress = valueRoot(shared, 'voteProgress');
  const stored = progress.get(voterId);
  if (
    isRecord(stored) &&
    stored.phase === phase.id &&
    stored.round === round &&
    stored.used === used
  ) {
    return;
  }
  change(shared, () => progress.set(voterId, { phase: phase.id, round, used }));
}

/** The progress of a vote phase as the shared document tells it (no private entries). */
export function readVoteProgress(shared: Y.Doc, phaseId: string): VoteProgress {
  const phase = readPhase(shared, phaseId);
  if (!phase) return { voted: 0, expected: 0, dots: 0 };
  const eligible = eligibleVoter(shared, phase);
  const expectedIds = listParticipants(shared)
    .map((person) => person.id)
    .filter(eligible);
  const used = new Map(tallyFor(shared, phase).perVoter);
  const round = voteRound(shared, phaseId);
  valueRoot(shared, 'voteProgress').forEach((value, voter) => {
    if (!isRecord(value) || value.phase !== phaseId || value.round !== round) return;
    const count = Math.min(phase.vote.budget, Math.max(0, Math.floor(finiteOr(value.used, 0))));
    // Shared dots and reported progress overlap; the larger is the better estimate.
    used.set(voter, Math.max(used.get(voter) ?? 0, count));
  });
  let voted = 0;
  let dots = 0;
  for (const id of expectedIds) {
    const count = used.get(id) ?? 0;
    if (count > 0) voted++;
    dots += count;
  }
  return { voted, expected: expectedIds.length, dots };
}
