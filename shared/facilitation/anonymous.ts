// Anonymous mode without a trace in the data. Every Yjs item carries the clientID
// of the document that inserted it, and a device's clientID is also on everything
// else it writes (its participant entry, its votes, its ready flag), so a card
// inserted under the device's own clientID names its author to anyone who decodes
// the document. Anonymous content is therefore inserted under a fresh random
// clientID that nothing else in the document uses, and the device's own clientID is
// restored straight after. Yjs reads `doc.clientID` for every item it creates, and
// swaps it itself when it detects a clash, so this is supported behaviour; the
// convergence and anonymity tests in test/unit/shared/facilitation check it.
// What this cannot hide (timing, network senders) is written down in
// docs/facilitation.md.
import * as Y from 'yjs';

/** Marks, in `transaction.meta`, a transaction that inserted anonymous content. */
export const ANONYMOUS_META_KEY = 'werkstatt:anonymous';

/** Times stored with anonymous content are rounded down to whole minutes. */
export const ANONYMOUS_TIME_RESOLUTION_MS = 60_000;

/** Tries before giving up on finding an unused clientID (only a broken `random` gets there). */
const MAX_CLIENT_ID_TRIES = 64;

/** A source of uniformly random unsigned 32-bit integers. */
export type RandomUint32 = () => number;

export function cryptoRandomUint32(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0] ?? 0;
}

interface Pseudonym {
  readonly clientId: number;
  /** The clock this device expects next for that clientID; anything else means a clash. */
  clock: number;
}

/**
 * Pseudonyms of this session, per document and scope ("cards/<id>"). Edits of one
 * card by this device reuse that card's pseudonym, so the document grows by one
 * clientID per card and device rather than one per keystroke. Never persisted:
 * reusing a clientID after a restart could clash with updates lost in a crash, the
 * same reason Yjs itself picks a new clientID per session.
 */
const pseudonyms = new WeakMap<Y.Doc, Map<string, Pseudonym>>();

/** A clientID that this document has never seen and that is not its own. */
export function freshClientId(doc: Y.Doc, random: RandomUint32 = cryptoRandomUint32): number {
  for (let tries = 0; tries < MAX_CLIENT_ID_TRIES; tries++) {
    const id = random() >>> 0;
    if (id !== doc.clientID && !doc.store.clients.has(id)) return id;
  }
  throw new Error('freshClientId: the random source keeps returning clientIDs in use');
}

/**
 * Runs `fn` (which inserts or edits content) under this session's pseudonym for
 * `scope`, a fresh clientID the first time. Must run inside a transaction; marks it
 * with ANONYMOUS_META_KEY so that an UndoManager can leave it out (a redo would
 * re-insert the content under the device's own clientID).
 */
export function anonymously<T>(
  doc: Y.Doc,
  scope: string,
  fn: () => T,
  random: RandomUint32 = cryptoRandomUint32,
): T {
  let scopes = pseudonyms.get(doc);
  if (!scopes) {
    scopes = new Map();
    pseudonyms.set(doc, scopes);
  }
  let pseudonym = scopes.get(scope);
  if (!pseudonym || Y.getState(doc.store, pseudonym.clientId) !== pseudonym.clock) {
    const clientId = freshClientId(doc, random);
    pseudonym = { clientId, clock: 0 };
    scopes.set(scope, pseudonym);
  }
  const own = doc.clientID;
  let result!: T;
  doc.transact((transaction) => {
    transaction.meta.set(ANONYMOUS_META_KEY, true);
    doc.clientID = (pseudonym as Pseudonym).clientId;
    try {
      result = fn();
    } finally {
      doc.clientID = own;
    }
  });
  pseudonym.clock = Y.getState(doc.store, pseudonym.clientId);
  return result;
}

/** Whether a transaction inserted anonymous content (see `anonymously`). */
export function isAnonymousTransaction(transaction: Y.Transaction): boolean {
  return transaction.meta.get(ANONYMOUS_META_KEY) === true;
}

/** A timestamp as stored with anonymous content: rounded down to the minute. */
export function coarseTime(ms: number): number {
  return Math.floor(ms / ANONYMOUS_TIME_RESOLUTION_MS) * ANONYMOUS_TIME_RESOLUTION_MS;
}
