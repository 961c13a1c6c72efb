// One list of cards (a column's loose cards or a cluster's): a place dragged cards
// can land in, with the insertion line while a card is dragged over it. It
// registers its element with the board's drag controller instead of being a
// dnd-kit droppable (see cardDrag/cardDragController.ts); what a drag changes here
// is its outline and line, never its cards.
import { memo, useCallback } from 'react';
import { CardItem } from './CardItem';
import { useCardDrag, useIsDropList } from './cardDrag/cardDragContext';
import { DropIndicator } from './cardDrag/DropIndicator';

interface CardListProps {
  /** "column:<fieldId>" or "cluster:<clusterId>". */
  readonly listId: string;
  readonly fieldId: string;
  /** '' for a column's loose cards. */
  readonly clusterId: string;
  readonly cardIds: readonly string[];
  readonly label?: string;
}

export const CardList = memo(function CardList({
  listId,
  fieldId,
  clusterId,
  cardIds,
  label,
}: CardListProps) {
  const controller = useCardDrag();
  const isOver = useIsDropList(listId);
  const register = useCallback(
    (element: HTMLUListElement | null) =>
      element ? controller.registerList(listId, element, { fieldId, clusterId }) : undefined,
    [controller, listId, fieldId, clusterId],
  );
  return (
    <ul className={`cards${isOver ? ' drop-target' : ''}`} ref={register} aria-label={label}>
      {cardIds.map((id) => (
        <CardItem key={id} id={id} containerId={listId} />
      ))}
      <DropIndicator listId={listId} />
    </ul>
  );
});
