// The permission check every facilitation command runs before it writes: the
// actor's role and the running phase read from the document, then can().
import type * as Y from 'yjs';
import type { Action } from './actions';
import { can, type BoardState } from './permissions';
import { currentPhase } from './phases';
import { roleOf } from './roles';
import { readSession } from './sessionState';
import { isParticipantId } from './values';

export function boardState(doc: Y.Doc): BoardState {
  return { locked: readSession(doc).locked };
}

/** Whether `actorId` may take `action` now, as far as this replica knows. */
export function allowed(doc: Y.Doc, actorId: string, action: Action): boolean {
  if (!isParticipantId(actorId)) return false;
  return can(roleOf(doc, actorId), action, currentPhase(doc), boardState(doc));
}
