// Undo and redo of this user's own edits only: the UndoManager tracks transactions
// tagged LOCAL_ORIGIN, so a remote peer's edits are never undone by someone else's
// Ctrl+Z. Keystrokes within UNDO_CAPTURE_MS form one step, as in a text editor.
// Scope: the strategy, the board and the facilitation entities.
import * as Y from 'yjs';
import { COLLECTIONS, ROOT } from '../schema/doc';
import { isAnonymousTransaction } from '../facilitation/anonymous';
import { LOCAL_ORIGIN } from '../schema/origin';

export const UNDO_CAPTURE_MS = 600;

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const scope = [
    doc.getMap(ROOT.meta),
    doc.getMap(ROOT.strategy),
    ...COLLECTIONS.map((name) => doc.getMap(ROOT[name])),
  ];
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: UNDO_CAPTURE_MS,
    // Undo would redo an anonymous card under this device's own clientID and reveal
    // its author; anonymous edits are therefore not undoable.
    captureTransaction: (transaction) => !isAnonymousTransaction(transaction),
  });
}
