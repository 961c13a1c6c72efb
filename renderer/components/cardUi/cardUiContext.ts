// The board's per-card UI state (cardUiStore.ts) and focus keeper (cardFocus.ts),
// shared through context as one stable object, and the hooks cards read them with.
// A card selects its own entry: a change to one card re-renders that card only.
import { createContext, useCallback, useContext, useMemo } from 'react';
import { shallowEqual } from '../../hooks/useDocValue';
import { useStoreSelector } from '../../hooks/facilitation/derivedStore';
import type { CardFocusKeeper } from './cardFocus';
import type { CardUi, CardUiStore } from './cardUiStore';

export interface CardUiBoard {
  readonly store: CardUiStore;
  readonly focus: CardFocusKeeper;
}

export const CardUiContext = createContext<CardUiBoard | null>(null);

export function useCardUiBoard(): CardUiBoard {
  const board = useContext(CardUiContext);
  if (!board) throw new Error('A card is rendered outside a board (CardUiProvider)');
  return board;
}

/** A piece of one card's UI state; re-renders when that piece changes (shallowly). */
export function useCardUiSelect<T>(cardId: string, select: (ui: CardUi) => T): T {
  const { store } = useCardUiBoard();
  const card = useMemo(
    () => ({
      get: () => store.get(cardId),
      subscribe: (listener: () => void) => store.subscribe(cardId, listener),
    }),
    [store, cardId],
  );
  return useStoreSelector(card, select, shallowEqual);
}

/** A ref callback for a card's element: keeps the focus with the card when it is rebuilt. */
export function useCardElementRef(
  cardId: string,
): (element: HTMLElement | null) => (() => void) | undefined {
  const { focus } = useCardUiBoard();
  return useCallback(
    (element: HTMLElement | null) => (element ? focus.attach(cardId, element) : undefined),
    [focus, cardId],
  );
}

/**
 * A ref callback for a control that takes the focus when the user opens it (and
 * not when it reappears because its card moved): see CardFocusKeeper.requestFocus.
 */
export function useFocusOnRequest(
  cardId: string,
  key: string,
): (element: HTMLElement | null) => void {
  const { focus } = useCardUiBoard();
  return useCallback(
    (element: HTMLElement | null) => focus.focusIfRequested(cardId, key, element),
    [focus, cardId, key],
  );
}
