// Gives a board its own per-card UI state and focus keeper (cardUiContext.ts): one
// per open workshop and board, so that two boards, or a workshop closed and opened
// again, share nothing. What belongs to a deleted card is forgotten at once, and
// everything when the board goes.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useCardPresence } from '../../hooks/facilitation/useCardPresence';
import { CardFocusKeeper } from './cardFocus';
import { CardUiContext, type CardUiBoard } from './cardUiContext';
import { CardUiStore } from './cardUiStore';

/** Events that say the user has chosen a new place: a lost focus is not given back then. */
const USER_MOVED_EVENTS = ['focusin', 'pointerdown'] as const;

export function CardUiProvider({ children }: { readonly children: ReactNode }) {
  // One per open workshop: the presence object is.
  const presence = useCardPresence();
  const board = useMemo<CardUiBoard>(
    () => ({ store: new CardUiStore(presence), focus: new CardFocusKeeper() }),
    [presence],
  );
  useEffect(() => {
    const { focus, store } = board;
    const unsubscribe = presence.subscribe(() => store.prune());
    store.prune();
    for (const type of USER_MOVED_EVENTS) document.addEventListener(type, focus.focusMoved, true);
    return () => {
      unsubscribe();
      for (const type of USER_MOVED_EVENTS)
        document.removeEventListener(type, focus.focusMoved, true);
      store.clear();
      focus.clear();
    };
  }, [presence, board]);
  return <CardUiContext.Provider value={board}>{children}</CardUiContext.Provider>;
}
