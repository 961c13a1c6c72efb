// Moving a card to a place in a column, given the card it should land before (or
// none: the end). The position is computed inside the transaction from the
// neighbours as they are on this replica; concurrent moves to the same spot still
// converge, because the order breaks ties by id.
import type * as Y from 'yjs';
import { collection, isEntity } from '../schema/doc';
import { getNumber, getString } from './entity';
import { moveCard } from './commands';
import { positionBetween } from './position';
import { listCards } from './read';

export function moveCardBefore(
  doc: Y.Doc,
  cardId: string,
  fieldId: string,
  beforeCardId: string | null,
): void {
  const card = collection(doc, 'cards').get(cardId);
  if (!isEntity(card)) return;
  const column = listCards(doc, fieldId).filter((other) => other.id !== cardId);
  const index =
    beforeCardId === null ? column.length : column.findIndex((c) => c.id === beforeCardId);
  const at = index === -1 ? column.length : index;
  const before = column[at - 1];
  const after = column[at];
  if (getString(card, 'fieldId') === fieldId) {
    const current = getNumber(card, 'position');
    const alreadyThere =
      (before === undefined || before.position < current) &&
      (after === undefined || current < after.position);
    if (alreadyThere) return;
  }
  moveCard(doc, cardId, fieldId, positionBetween(before?.position, after?.position));
}
