// Writing privately in a collect phase: the draft goes into this device's draft
// document (drafts.ts), and the shared document learns only how many drafts each
// participant has, so that the facilitator sees progress. In anonymous mode even
// that count is coarsened to "has written something": exact per-person counts
// would let anyone match the cards that appear at the reveal to their authors.
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { addDraft, deleteDraft, listDrafts, readDraft } from './drafts';
import { allowed } from './guard';
import { readParticipant } from './participants';
import { currentPhase } from './phases';
import { isAnonymousWorkshop } from './sessionState';
import { change } from './transaction';
import { finiteOr, isRecord } from './values';

export interface PrivateCard {
  readonly fieldId: string;
  readonly text: string;
  /** Clock of the writing device, ms. */
  readonly now: number;
  /** A facilitator typing the paper card of a "no laptop" participant. */
  readonly proxyFor?: string;
}

/** Shares how many drafts `participantId` has in the running phase (no text, no ids). */
export function shareDraftProgress(shared: Y.Doc, drafts: Y.Doc, participantId: string): void {
  const phase = currentPhase(shared);
  if (!phase) return;
  const written = listDrafts(drafts, { phaseId: phase.id }).filter(
    (draft) => draft.participantId === participantId,
  ).length;
  const count = isAnonymousWorkshop(shared) ? Math.min(written, 1) : written;
  const counts = valueRoot(shared, 'draftCounts');
  const stored = counts.get(participantId);
  if (isRecord(stored) && stored.phase === phase.id && stored.count === count) return;
  change(shared, () => counts.set(participantId, { phase: phase.id, count }));
}

/**
 * Writes a private card into this device's draft document, if the running phase
 * allows private writing; returns the draft id.
 */
export function writePrivateCard(
  shared: Y.Doc,
  drafts: Y.Doc,
  actorId: string,
  init: PrivateCard,
): string | undefined {
  const phase = currentPhase(shared);
  if (!phase || !allowed(shared, actorId, 'writePrivateCard')) return undefined;
  let participantId = actorId;
  if (init.proxyFor !== undefined) {
    if (!readParticipant(shared, init.proxyFor)?.proxy) return undefined;
    if (!allowed(shared, actorId, 'enterProxyCard')) return undefined;
    participantId = init.proxyFor;
  }
  const id = addDraft(drafts, {
    participantId,
    enteredBy: actorId,
    phaseId: phase.id,
    fieldId: init.fieldId,
    text: init.text,
    createdAt: init.now,
  });
  shareDraftProgress(shared, drafts, participantId);
  return id;
}

/** Throws a private draft away and updates the shared progress. */
export function deletePrivateCard(shared: Y.Doc, drafts: Y.Doc, draftId: string): boolean {
  const draft = readDraft(drafts, draftId);
  if (!draft || draft.publishedAt > 0) return false;
  deleteDraft(drafts, draftId);
  shareDraftProgress(shared, drafts, draft.participantId);
  return true;
}

/** Private drafts per participant in a phase (capped at 1 each in anonymous mode). */
export function readDraftProgress(shared: Y.Doc, phaseId: string): Map<string, number> {
  const progress = new Map<string, number>();
  valueRoot(shared, 'draftCounts').forEach((value, participantId) => {
    if (!isRecord(value) || value.phase !== phaseId) return;
    const count = Math.floor(finiteOr(value.count, 0));
    if (count > 0) progress.set(participantId, count);
  });
  return progress;
}
