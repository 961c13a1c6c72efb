// The "I'm done" ready check. Each participant's flag names the phase run it was
// given in; a phase change starts a new run, so every flag resets at once without
// anyone deleting anything, and a late "done" from the previous phase never counts.
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { allowed } from './guard';
import { listParticipants, readParticipant } from './participants';
import { isFacilitatorRole, roleOf } from './roles';
import { readSession } from './sessionState';
import { change } from './transaction';

export interface ReadyCheck {
  /** Participants (not facilitators) who said they are done in this run, by join order. */
  readonly readyIds: readonly string[];
  /** Everyone expected: all participants, proxies included, facilitators not. */
  readonly expectedIds: readonly string[];
  readonly count: number;
  readonly total: number;
}

/**
 * Says "I'm done" (or takes it back) for the running phase. A facilitator may do it
 * for a proxy participant by passing `onBehalfOf`.
 */
export function setReady(
  doc: Y.Doc,
  actorId: string,
  ready: boolean,
  onBehalfOf?: string,
): boolean {
  const { phaseRun } = readSession(doc);
  if (phaseRun === '') return false;
  let subject = actorId;
  if (onBehalfOf !== undefined && onBehalfOf !== actorId) {
    if (!readParticipant(doc, onBehalfOf)?.proxy) return false;
    if (!allowed(doc, actorId, 'enterProxyCard')) return false;
    subject = onBehalfOf;
  } else if (!allowed(doc, actorId, 'markReady')) {
    return false;
  }
  change(doc, () => {
    const flags = valueRoot(doc, 'ready');
    if (ready) flags.set(subject, phaseRun);
    else flags.delete(subject);
  });
  return true;
}

export function readReadyCheck(doc: Y.Doc): ReadyCheck {
  const { phaseRun } = readSession(doc);
  const flags = valueRoot(doc, 'ready');
  const expectedIds = listParticipants(doc)
    .filter((person) => !isFacilitatorRole(roleOf(doc, person.id)))
    .map((person) => person.id);
  const readyIds = phaseRun === '' ? [] : expectedIds.filter((id) => flags.get(id) === phaseRun);
  return { readyIds, expectedIds, count: readyIds.length, total: expectedIds.length };
}
