// The facilitation state of a workshop as one plain object: who hosts, which phase
// is running (and which run of it, for the ready check), whether the board is
// locked and whether the workshop is anonymous. Stored as plain values in the
// "facilitation" root; whatever a peer puts there reads as a safe default.
import type * as Y from 'yjs';
import { valueRoot } from '../schema/doc';
import { isParticipantId, stringOr } from './values';

/** Keys of the "facilitation" root map. */
export const SESSION_KEY = {
  hostId: 'hostId',
  phaseId: 'phaseId',
  phaseRun: 'phaseRun',
  phaseStartedAt: 'phaseStartedAt',
  locked: 'locked',
  anonymous: 'anonymous',
  follow: 'follow',
  timer: 'timer',
} as const;

export interface SessionState {
  /** The facilitator who created or hosts the workshop; '' before facilitation starts. */
  readonly hostId: string;
  /** The phase as stored; use currentPhase() (phases.ts) for the phase actually running. */
  readonly phaseId: string;
  /** Changes on every phase change; the ready check counts only flags of this run. */
  readonly phaseRun: string;
  /** Host clock (ms) when the current phase started; 0 if unknown. */
  readonly phaseStartedAt: number;
  readonly locked: boolean;
  readonly anonymous: boolean;
}

export function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return valueRoot(doc, 'facilitation');
}

export function readSession(doc: Y.Doc): SessionState {
  const map = sessionMap(doc);
  const hostId = map.get(SESSION_KEY.hostId);
  const startedAt = map.get(SESSION_KEY.phaseStartedAt);
  return {
    hostId: isParticipantId(hostId) ? hostId : '',
    phaseId: stringOr(map.get(SESSION_KEY.phaseId), ''),
    phaseRun: stringOr(map.get(SESSION_KEY.phaseRun), ''),
    phaseStartedAt: typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : 0,
    locked: map.get(SESSION_KEY.locked) === true,
    anonymous: map.get(SESSION_KEY.anonymous) === true,
  };
}

export function isAnonymousWorkshop(doc: Y.Doc): boolean {
  return sessionMap(doc).get(SESSION_KEY.anonymous) === true;
}
