// Which cards and comments are still in the open workshop, and a way to hear of
// every change that can delete one (somebody else's included): the board's
// per-card UI state forgets what was open on a deleted card rather than keep it.
import { useMemo } from 'react';
import { readFacilitatedCard } from '../../../shared/facilitation/cards';
import { listComments } from '../../../shared/facilitation/comments';
import { useSession } from '../sessionContext';

export interface CardPresence {
  hasCard(cardId: string): boolean;
  commentIdsOf(cardId: string): ReadonlySet<string>;
  /** Calls `listener` after each change to the cards or comments. */
  subscribe(listener: () => void): () => void;
}

/** The same object for as long as the same workshop is open. */
export function useCardPresence(): CardPresence {
  const session = useSession();
  return useMemo(() => {
    const { doc, feed } = session;
    return {
      hasCard: (cardId) => readFacilitatedCard(doc, cardId) !== undefined,
      commentIdsOf: (cardId) => new Set(listComments(doc, cardId).map((comment) => comment.id)),
      subscribe: (listener) => {
        const unsubscribes = ['cards', 'comments'].map((key) => feed.subscribe(key, listener));
        return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
      },
    };
  }, [session]);
}
