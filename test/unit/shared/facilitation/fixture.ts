// A facilitated workshop for the tests of shared/facilitation: two Handlungsfelder,
// a host and two participants, one device (Y.Doc) each, plus tools to look into
// encoded updates the way a curious participant could.
import * as Y from 'yjs';
import { addField, initWorkshop } from '../../../../shared/model/commands';
import { joinWorkshop } from '../../../../shared/facilitation/participants';
import { startFacilitation } from '../../../../shared/facilitation/session';
import { pull, REMOTE } from '../helpers';

export const HOST = 'hostAnna';
export const BEN = 'benParticipant';
export const CARLA = 'carlaParticipant';
export const NAMES: Record<string, string> = {
  [HOST]: 'Anna Moderation',
  [BEN]: 'Ben Bürgerbüro',
  [CARLA]: 'Carla Kämmerei',
};

/** A fixed host clock: 11 March 2027, 09:00 UTC. */
export const T0 = Date.UTC(2027, 2, 11, 9, 0);

/**
 * The host's document with the default agenda started (collect phase running) and,
 * unless told otherwise, Ben and Carla joined (entered on the host's laptop).
 */
export function facilitated({ joinParticipants = true } = {}) {
  const doc = new Y.Doc();
  doc.clientID = 1;
  initWorkshop(doc, { title: 'Werkstatt Digitalstrategie' });
  const f1 = addField(doc, { title: 'Bürgerservice digital' });
  const f2 = addField(doc, { title: 'Moderne Verwaltung' });
  startFacilitation(doc, { hostId: HOST, hostName: NAMES[HOST] as string, now: T0 });
  if (joinParticipants) {
    joinWorkshop(doc, BEN, NAMES[BEN] as string, T0 + 1);
    joinWorkshop(doc, CARLA, NAMES[CARLA] as string, T0 + 2);
  }
  return { doc, f1, f2 };
}

/** A second device on the same workshop, with its own clientID. */
export function device(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  pull(doc, source);
  return doc;
}

/** Joins on its own device, as a participant does (so the entry carries its clientID). */
export function deviceFor(source: Y.Doc, clientID: number, participantId: string): Y.Doc {
  const doc = device(source, clientID);
  joinWorkshop(doc, participantId, NAMES[participantId] ?? participantId, T0 + clientID);
  pull(source, doc);
  return doc;
}

/** How often `needle` occurs, UTF-8 encoded, in `bytes`. */
export function occurrences(bytes: Uint8Array, needle: string): number {
  const pattern = new TextEncoder().encode(needle);
  let count = 0;
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    count++;
  }
  return count;
}

/** Records every update a document emits (what it would send to the room). */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

/** Every clientID that inserted anything into `type` or below it (overwritten values too). */
/** The parts of a Yjs type that record who inserted what. */
interface YType {
  readonly _item: Y.Item | null;
  readonly _map: Map<string, Y.Item>;
  readonly _start: Y.Item | null;
}

export function clientsIn(type: YType): Set<number> {
  const clients = new Set<number>();
  const visit = (item: Y.Item | null, direction: 'left' | 'right') => {
    for (let current = item; current; current = current[direction]) {
      clients.add(current.id.client);
      if (current.content instanceof Y.ContentType) {
        for (const client of clientsIn(current.content.type)) clients.add(client);
      }
    }
  };
  if (type._item) clients.add(type._item.id.client);
  for (const item of type._map.values()) visit(item, 'left');
  visit(type._start, 'right');
  return clients;
}

export { REMOTE };
