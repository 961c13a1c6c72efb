// The board's card drag controller, shared through context (one stable object: no
// card re-renders because a drag starts), and the hooks that select from it.
import { createContext, useContext } from 'react';
import { useStoreSelector } from '../../hooks/facilitation/derivedStore';
import { CardDragController } from './cardDragController';

/** Outside a board (no drag possible) a controller that is never pressed. */
const IDLE = new CardDragController();

export const CardDragContext = createContext<CardDragController>(IDLE);

export function useCardDrag(): CardDragController {
  return useContext(CardDragContext);
}

/** Whether this card is the one being dragged. */
export function useIsDragged(cardId: string): boolean {
  return useStoreSelector(useCardDrag().dragged, (dragged) => dragged === cardId);
}

/** Where the insertion line goes in this list (px from its top); null when not here. */
export function useDropLine(listId: string): number | null {
  return useStoreSelector(useCardDrag().slot, (slot) =>
    slot?.listId === listId ? slot.line : null,
  );
}

/** Whether a dragged card is over this list. */
export function useIsDropList(listId: string): boolean {
  return useStoreSelector(useCardDrag().slot, (slot) => slot?.listId === listId);
}
