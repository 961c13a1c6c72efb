// Moving cards by "put it before that card" (what drag and drop and the "Move to"
// menu do) gives the order the user saw, within and across columns.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addField } from '../../../shared/model/commands';
import { moveCardBefore } from '../../../shared/model/moveCard';
import { listCards } from '../../../shared/model/read';

function setup() {
  const doc = new Y.Doc();
  const left = addField(doc, { title: 'Links' });
  const right = addField(doc, { title: 'Rechts' });
  const [a, b, c] = ['A', 'B', 'C'].map((text) => addCard(doc, left, { text }));
  const d = addCard(doc, right, { text: 'D' });
  const texts = (fieldId: string) => listCards(doc, fieldId).map((card) => card.text);
  return { doc, left, right, a: a!, b: b!, c: c!, d, texts };
}

describe('moveCardBefore', () => {
  it('reorders within a column', () => {
    const { doc, left, a, c, texts } = setup();
    moveCardBefore(doc, c, left, a);
    expect(texts(left)).toEqual(['C', 'A', 'B']);
    moveCardBefore(doc, c, left, null);
    expect(texts(left)).toEqual(['A', 'B', 'C']);
  });

  it('moves to another column, before a card or at the end', () => {
    const { doc, left, right, b, c, d, texts } = setup();
    moveCardBefore(doc, b, right, d);
    moveCardBefore(doc, c, right, null);
    expect(texts(left)).toEqual(['A']);
    expect(texts(right)).toEqual(['B', 'D', 'C']);
  });

  it('is one transaction, and none when the card is already there', () => {
    const { doc, left, a, b, texts } = setup();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveCardBefore(doc, a, left, b);
    expect(transactions).toBe(0);
    moveCardBefore(doc, b, left, a);
    expect(transactions).toBe(1);
    expect(texts(left)).toEqual(['B', 'A', 'C']);
  });

  it('converges when two people move cards to the same spot at once', () => {
    const { doc, left, right, a, b, d } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    moveCardBefore(doc, a, right, d);
    moveCardBefore(other, b, right, d);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(listCards(doc, right)).toEqual(listCards(other, right));
    expect(listCards(doc, left)).toEqual(listCards(other, left));
  });
});
