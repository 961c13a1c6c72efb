// Who is who: the host (the facilitator who created or hosts the workshop),
// co-facilitators the host appointed, and participants. A pure reading of the
// document; anyone not (yet) in it is a participant.
import type * as Y from 'yjs';
import { readParticipant } from './participants';
import { readSession } from './sessionState';

export const ROLES = ['host', 'cofacilitator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export function roleOf(doc: Y.Doc, participantId: string): Role {
  const { hostId } = readSession(doc);
  if (hostId !== '' && hostId === participantId) return 'host';
  return readParticipant(doc, participantId)?.role === 'cofacilitator'
    ? 'cofacilitator'
    : 'participant';
}

export function isFacilitatorRole(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator';
}

export function isFacilitator(doc: Y.Doc, participantId: string): boolean {
  return isFacilitatorRole(roleOf(doc, participantId));
}
