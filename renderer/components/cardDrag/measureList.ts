// The card boxes of a rendered list, for listSlots.ts. A list's cards sit in render
// chunks that Chromium skips while they are off screen (cardList/CardChunks.tsx),
// and asking for the box of a card inside a skipped chunk makes Chromium lay that
// whole chunk out there and then: measuring a 400-card list took 300 ms in a drag
// frame. So only chunks near the viewport have their cards measured; the cards of
// the others are spread evenly over their chunk's box (which costs nothing to
// read), good enough for a place no pointer can be over.
import { CARD_CHUNK_CLASS } from '../cardList/chunkCards';
import type { CardBox } from './listSlots';

/** Chunks this close to the viewport (px) are measured card by card. */
export const MEASURED_MARGIN_PX = 200;

function isCard(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.dataset.cardId !== undefined;
}

function measured(card: HTMLElement, origin: number): CardBox {
  const rect = card.getBoundingClientRect();
  return {
    id: card.dataset.cardId as string,
    top: rect.top - origin,
    bottom: rect.bottom - origin,
    hidden: card.hidden || rect.height === 0,
  };
}

/** A chunk's cards spread over its box, the hidden ones (search) without height. */
function estimated(cards: readonly HTMLElement[], chunk: DOMRect, origin: number): CardBox[] {
  const shown = cards.filter((card) => !card.hidden).length;
  const height = shown > 0 ? chunk.height / shown : 0;
  let top = chunk.top - origin;
  return cards.map((card) => {
    const id = card.dataset.cardId as string;
    if (card.hidden) return { id, top, bottom: top, hidden: true };
    const box = { id, top, bottom: top + height, hidden: false };
    top += height;
    return box;
  });
}

/** The boxes of a list's cards in order, relative to the list's top edge. */
export function measureList(list: Element, viewportHeight = window.innerHeight): CardBox[] {
  const origin = list.getBoundingClientRect().top;
  const boxes: CardBox[] = [];
  for (const chunk of Array.from(list.children)) {
    if (!chunk.classList.contains(CARD_CHUNK_CLASS)) continue;
    const cards = Array.from(chunk.children).filter(isCard);
    const rect = chunk.getBoundingClientRect();
    const near =
      rect.bottom >= -MEASURED_MARGIN_PX && rect.top <= viewportHeight + MEASURED_MARGIN_PX;
    if (near) for (const card of cards) boxes.push(measured(card, origin));
    else boxes.push(...estimated(cards, rect, origin));
  }
  return boxes;
}
