// Undo takes back this user's own edits, never a peer's, and redo restores them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addField, deleteCard, setCardText } from '../../../shared/model/commands';
import { listCards } from '../../../shared/model/read';
import { createUndoManager } from '../../../shared/model/undo';
import { anonymously } from '../../../shared/facilitation/anonymous';
import { LOCAL_ORIGIN } from '../../../shared/schema/origin';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

describe('undo', () => {
  it('undoes and redoes a local deletion', () => {
    const doc = new Y.Doc();
    const fieldId = addField(doc, { title: 'HF' });
    const cardId = addCard(doc, fieldId, { text: 'Bleibt erhalten' });
    const undo = createUndoManager(doc);
    deleteCard(doc, cardId);
    expect(listCards(doc)).toHaveLength(0);
    undo.undo();
    expect(listCards(doc).map((card) => card.text)).toEqual(['Bleibt erhalten']);
    undo.redo();
    expect(listCards(doc)).toHaveLength(0);
  });

  it('never undoes a peer’s edit', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const fieldId = addField(mine, { title: 'HF' });
    const cardId = addCard(mine, fieldId, { text: 'Start' });
    sync(mine, theirs);
    const undo = createUndoManager(mine);

    setCardText(mine, cardId, 'Start, von mir');
    undo.stopCapturing();
    addCard(theirs, fieldId, { text: 'Karte der Nachbarin' });
    sync(theirs, mine);

    undo.undo();
    expect(listCards(mine).map((card) => card.text)).toEqual(['Start', 'Karte der Nachbarin']);
    expect(undo.undoStack).toHaveLength(0);
  });

  it('groups quick keystrokes into one step', () => {
    const doc = new Y.Doc();
    const fieldId = addField(doc, { title: 'HF' });
    const cardId = addCard(doc, fieldId, { text: '' });
    const undo = createUndoManager(doc);
    for (const text of ['T', 'Ti', 'Tip', 'Tipp']) setCardText(doc, cardId, text);
    undo.undo();
    expect(listCards(doc)[0]?.text).toBe('');
  });

  it('does not capture anonymous insertions (a redo would reveal the author)', () => {
    const doc = new Y.Doc();
    const fieldId = addField(doc, { title: 'HF' });
    const undo = createUndoManager(doc);
    doc.transact(() => {
      anonymously(doc, 'card-1', () => addCard(doc, fieldId, { text: 'Anonym' }));
    }, LOCAL_ORIGIN);
    expect(undo.canUndo()).toBe(false);
    expect(listCards(doc).map((card) => card.text)).toEqual(['Anonym']);
  });
});
