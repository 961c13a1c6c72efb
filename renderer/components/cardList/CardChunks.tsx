// A card list's cards, in render chunks (chunkCards.ts): each chunk is one element
// that Chromium skips while it is off screen (`content-visibility: auto`), and a
// memoised component that renders again only when its own cards change. The chunk
// holding the dragged card is lifted out of that containment while the drag lasts,
// which would otherwise clip the card to the chunk's box. Chunks that mount in bulk
// (a board opening, a list filling at once), except each list's first, show their
// cards as outlines until chunkCompletion.ts completes them.
import { memo, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import { useStoreSelector } from '../../hooks/facilitation/derivedStore';
import { CardItem } from '../CardItem';
import { useCardDrag } from '../cardDrag/cardDragContext';
import { CARD_CHUNK_CLASS, chunkCards, deferredChunkKeys, type CardChunk } from './chunkCards';
import { canDeferChunks, chunkCompletion } from './chunkCompletion';
import { OutlineCards } from './OutlineCards';

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
  const deferred = useMemo(() => deferredChunkKeys(previous.current, chunks), [chunks]);
  useLayoutEffect(() => {
    previous.current = chunks;
  }, [chunks]);
  return chunks.map((chunk) => (
    <Chunk
      key={chunk.key}
      listId={listId}
      cardIds={chunk.cardIds}
      deferred={deferred.has(chunk.key)}
    />
  ));
});

interface ChunkProps extends CardChunksProps {
  /** Mounted with its cards as outlines, completed soon after (chunkCompletion.ts). */
  readonly deferred: boolean;
}

const Chunk = memo(function Chunk({ listId, cardIds, deferred }: ChunkProps) {
  const lifted = useStoreSelector(
    useCardDrag().dragged,
    (dragged) => dragged !== null && cardIds.includes(dragged),
  );
  const [complete, setComplete] = useState(() => !deferred || !canDeferChunks());
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (complete || !element.current) return undefined;
    // Rendered inside the idle slice or event that completes it, so the slice's
    // remaining time is what it says.
    return chunkCompletion.schedule(element.current, () => flushSync(() => setComplete(true)));
  }, [complete]);
  // Its height until it is first shown (then the browser remembers the real one).
  const style = { '--chunk-cards': cardIds.length } as CSSProperties;
  return (
    <div
      role="none"
      className={`${CARD_CHUNK_CLASS}${lifted ? ' lifted' : ''}`}
      style={style}
      ref={element}
    >
      {complete ? (
        cardIds.map((id) => <CardItem key={id} id={id} containerId={listId} />)
      ) : (
        <OutlineCards cardIds={cardIds} />
      )}
    </div>
  );
});
