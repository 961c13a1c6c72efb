// Facilitator commands about people: add "no laptop" participants (proxy), rename
// someone, appoint or dismiss co-facilitators, hand the host role to another
// facilitator (the host's laptop may be the one that has to leave early).
import type * as Y from 'yjs';
import { setText } from '../model/entity';
import { newId } from '../model/ids';
import { allowed } from './guard';
import { participantEntity, putParticipant, readParticipant } from './participants';
import { readSession, SESSION_KEY, sessionMap } from './sessionState';
import { change } from './transaction';
import { cleanName } from './values';

/** Adds a participant without a laptop; returns its id, or undefined if not allowed. */
export function addProxyParticipant(
  doc: Y.Doc,
  actorId: string,
  name: string,
  now: number,
): string | undefined {
  if (!allowed(doc, actorId, 'manageParticipants') || cleanName(name) === '') return undefined;
  return change(doc, () => {
    const id = newId();
    putParticipant(doc, id, { name, joinedAt: now, proxy: true, addedBy: actorId });
    return id;
  });
}

/** Participants rename themselves; facilitators rename anyone. */
export function renameParticipant(
  doc: Y.Doc,
  actorId: string,
  participantId: string,
  name: string,
): boolean {
  const map = participantEntity(doc, participantId);
  if (!map || cleanName(name) === '') return false;
  if (actorId !== participantId && !allowed(doc, actorId, 'manageParticipants')) return false;
  change(doc, () => setText(map, 'name', cleanName(name)));
  return true;
}

/** The host appoints (or dismisses) a co-facilitator; proxies and the host cannot be. */
export function setCoFacilitator(
  doc: Y.Doc,
  actorId: string,
  participantId: string,
  cofacilitator: boolean,
): boolean {
  if (!allowed(doc, actorId, 'grantRoles')) return false;
  const participant = readParticipant(doc, participantId);
  const map = participantEntity(doc, participantId);
  if (!participant || !map || participant.proxy) return false;
  if (readSession(doc).hostId === participantId) return false;
  change(doc, () => map.set('role', cofacilitator ? 'cofacilitator' : 'participant'));
  return true;
}

/** The host hands the host role to another participant and stays co-facilitator. */
export function transferHost(doc: Y.Doc, actorId: string, newHostId: string): boolean {
  if (!allowed(doc, actorId, 'grantRoles') || actorId === newHostId) return false;
  const target = readParticipant(doc, newHostId);
  if (!target || target.proxy) return false;
  change(doc, () => {
    sessionMap(doc).set(SESSION_KEY.hostId, newHostId);
    participantEntity(doc, actorId)?.set('role', 'cofacilitator');
  });
  return true;
}
