// Small tools shared by the tests of shared/: syncing replicas the way two laptops
// would, and recording the transactions a piece of code runs.
import * as Y from 'yjs';

/** Origin used when a test delivers another replica's update. */
export const REMOTE = Symbol('test:remote');

/** Brings `to` up to date with everything `from` has. */
export function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

/** Full two-way sync of all given replicas. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const to of docs) for (const from of docs) if (to !== from) pull(to, from);
}

/** A fresh replica holding the same state as `source`. */
export function replicaOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  pull(doc, source);
  return doc;
}

/** Runs `fn` and returns every transaction the document saw meanwhile. */
export function transactionsDuring(doc: Y.Doc, fn: () => void): Y.Transaction[] {
  const seen: Y.Transaction[] = [];
  const record = (transaction: Y.Transaction) => seen.push(transaction);
  doc.on('afterTransaction', record);
  try {
    fn();
  } finally {
    doc.off('afterTransaction', record);
  }
  return seen;
}
