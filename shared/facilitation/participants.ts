// The people in the room. Each device has a stable participant id of its own
// (generated once and kept locally) and a display name; "no laptop" participants
// are entries added by a facilitator, who then types and votes for them (proxy).
// An entry is a Y.Map in the "participants" collection; the name is a Y.Text like
// every other text. Joining is self-service and needs no permission.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import { getNumber, getString, getText, newEntity, setText } from '../model/entity';
import { change } from './transaction';
import { cleanName, compareIds, isParticipantId } from './values';

export const PARTICIPANT_ROLES = ['participant', 'cofacilitator'] as const;
/** The role stored with a participant; the host is recorded in the session state. */
export type StoredRole = (typeof PARTICIPANT_ROLES)[number];

export interface Participant {
  readonly id: string;
  readonly name: string;
  /** Stored role; roleOf() (roles.ts) adds the host on top. */
  readonly role: StoredRole;
  /** A "no laptop" participant whose cards and votes a facilitator enters. */
  readonly proxy: boolean;
  /** For proxy participants: the facilitator who added them. */
  readonly addedBy: string;
  readonly joinedAt: number;
}

export function participantEntity(doc: Y.Doc, id: string): EntityMap | undefined {
  const map = collection(doc, 'participants').get(id);
  return isEntity(map) ? map : undefined;
}

function toParticipant(map: EntityMap, id: string): Participant {
  return {
    id,
    name: getText(map, 'name'),
    role:
      getString(map, 'role') === 'cofacilitator' && map.get('proxy') !== true
        ? 'cofacilitator'
        : 'participant',
    proxy: map.get('proxy') === true,
    addedBy: getString(map, 'addedBy'),
    joinedAt: getNumber(map, 'joinedAt'),
  };
}

export function readParticipant(doc: Y.Doc, id: string): Participant | undefined {
  if (!isParticipantId(id)) return undefined;
  const map = participantEntity(doc, id);
  return map ? toParticipant(map, id) : undefined;
}

/** Everyone who joined or was added, in order of joining (ties by id). */
export function listParticipants(doc: Y.Doc): Participant[] {
  const people: Participant[] = [];
  collection(doc, 'participants').forEach((map, id) => {
    if (isEntity(map) && isParticipantId(id)) people.push(toParticipant(map, id));
  });
  return people.sort((a, b) => a.joinedAt - b.joinedAt || compareIds(a.id, b.id));
}

export function participantName(doc: Y.Doc, id: string): string {
  return readParticipant(doc, id)?.name ?? '';
}

/** Writes a new participant entry; callers run it inside a transaction. */
export function putParticipant(
  doc: Y.Doc,
  id: string,
  init: { name: string; joinedAt: number; proxy?: boolean; addedBy?: string },
): void {
  const values: Record<string, string | number> = { role: 'participant', joinedAt: init.joinedAt };
  if (init.addedBy) values.addedBy = init.addedBy;
  const map = newEntity(id, values, { name: cleanName(init.name) });
  if (init.proxy) map.set('proxy', true);
  collection(doc, 'participants').set(id, map);
}

/**
 * This device joins the workshop under its participant id, or updates its display
 * name if it joined before. Returns false for an invalid id.
 */
export function joinWorkshop(
  doc: Y.Doc,
  participantId: string,
  name: string,
  now: number,
): boolean {
  if (!isParticipantId(participantId)) return false;
  change(doc, () => {
    const existing = participantEntity(doc, participantId);
    if (existing) setText(existing, 'name', cleanName(name));
    else putParticipant(doc, participantId, { name, joinedAt: now });
  });
  return true;
}
