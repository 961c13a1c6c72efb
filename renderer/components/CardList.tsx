// One list of cards (a column's loose cards or a cluster's): a place dragged cards
// can land in, with the insertion line while a card is dragged over it. It
// registers its element with the board's drag controller instead of being a
// dnd-kit droppable (see cardDrag/cardDragController.ts); what a drag changes here
// is its outline and line, never its cards (CardChunks renders them, memoised).
// A list of ARIA roles rather than <ul>: the render chunks between the list and
// its items are not list items (role "none" keeps them out of the way), and the
// items carry their position (cardList/listPositions.ts).
import { memo, useCallback } from 'react';
import { useCardDrag, useIsDropList } from './cardDrag/cardDragContext';
import { DropIndicator } from './cardDrag/DropIndicator';
import { CardChunks } from './cardList/CardChunks';
import { observeListPositions } from './cardList/listPositions';

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
    (element: HTMLDivElement | null) => {
      if (!element) return undefined;
      const unregister = controller.registerList(listId, element, { fieldId, clusterId });
      const unobserve = observeListPositions(element);
      return () => {
        unregister();
        unobserve();
      };
    },
    [controller, listId, fieldId, clusterId],
  );
  return (
    <div
      role="list"
      className={`cards${isOver ? ' drop-target' : ''}`}
      ref={register}
      aria-label={label}
    >
      <CardChunks listId={listId} cardIds={cardIds} />
      <DropIndicator listId={listId} />
    </div>
  );
});
