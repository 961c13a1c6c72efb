// A card list's cards, in render chunks (chunkCards.ts): each chunk is one element
// that Chromium skips while it is off screen (`content-visibility: auto`), and a
// memoised component that renders again only when its own cards change. The chunk
// holding the dragged card is lifted out of that containment while the drag lasts,
// which would otherwise clip the card to the chunk's box.
import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useStoreSelector } from '../../hooks/facilitation/derivedStore';
import { CardItem } from '../CardItem';
import { useCardDrag } from '../cardDrag/cardDragContext';
import { CARD_CHUNK_CLASS, chunkCards, type CardChunk } from './chunkCards';

/** The card that holds the keyboard focus: it stays in its chunk when chunks change. */
function focusedCardId(): string | null {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  return active?.closest<HTMLElement>('[data-card-id]')?.dataset.cardId ?? null;
}

interface CardChunksProps {
  readonly listId: string;
  readonly cardIds: readonly string[];
}

export const CardChunks = memo(function CardChunks({ listId, cardIds }: CardChunksProps) {
  const previous = useRef<readonly CardChunk[]>([]);
  const keys = useRef(0);
  const chunks = useMemo(
    () => chunkCards(previous.current, cardIds, () => keys.current++, focusedCardId()),
    [cardIds],
  );
  useLayoutEffect(() => {
    previous.current = chunks;
  }, [chunks]);
  return chunks.map((chunk) => <Chunk key={chunk.key} listId={listId} cardIds={chunk.cardIds} />);
});

const Chunk = memo(function Chunk({ listId, cardIds }: CardChunksProps) {
  const lifted = useStoreSelector(
    useCardDrag().dragged,
    (dragged) => dragged !== null && cardIds.includes(dragged),
  );
  // Its height until it is first shown (then the browser remembers the real one).
  const style = { '--chunk-cards': cardIds.length } as CSSProperties;
  return (
    <div role="none" className={`${CARD_CHUNK_CLASS}${lifted ? ' lifted' : ''}`} style={style}>
      {cardIds.map((id) => (
        <CardItem key={id} id={id} containerId={listId} />
      ))}
    </div>
  );
});
