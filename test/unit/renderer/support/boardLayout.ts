// A made-up layout for the board under jsdom, which lays nothing out: columns side
// by side, in each its card lists stacked, every visible card 60 px high. Enough
// for drag and drop to find lists and slots by position as it does in a browser.

export const COLUMN_WIDTH_PX = 280;
export const COLUMN_GAP_PX = 20;
export const CARD_HEIGHT_PX = 60;
export const CARD_GAP_PX = 8;
/** Above a column's first list: its heading and the new-card form. */
const COLUMN_HEAD_PX = 80;
const LIST_GAP_PX = 24;
const EMPTY_LIST_PX = 24;

interface Box {
  readonly top: number;
  readonly height: number;
}

function rect(left: number, box: Box): DOMRect {
  const value = {
    x: left,
    y: box.top,
    left,
    top: box.top,
    width: COLUMN_WIDTH_PX,
    height: box.height,
    right: left + COLUMN_WIDTH_PX,
    bottom: box.top + box.height,
  };
  return { ...value, toJSON: () => value } as DOMRect;
}

const ZERO = rect(0, { top: 0, height: 0 });

/** Where the lists and visible cards of one column are. */
function columnBoxes(column: Element): Map<Element, Box> {
  const boxes = new Map<Element, Box>();
  let y = COLUMN_HEAD_PX;
  for (const list of Array.from(column.querySelectorAll('.cards'))) {
    const top = y;
    let next = top;
    // The list's render chunks (cardList/CardChunks.tsx), each around its cards.
    for (const chunk of Array.from(list.querySelectorAll(':scope > .card-chunk'))) {
      const chunkTop = next;
      for (const card of Array.from(chunk.children)) {
        if (!(card instanceof HTMLElement) || card.dataset.cardId === undefined || card.hidden)
          continue;
        boxes.set(card, { top: next, height: CARD_HEIGHT_PX });
        next += CARD_HEIGHT_PX + CARD_GAP_PX;
      }
      boxes.set(chunk, { top: chunkTop, height: next - chunkTop });
    }
    const height = next === top ? EMPTY_LIST_PX : next - CARD_GAP_PX - top;
    boxes.set(list, { top, height });
    y = top + height + LIST_GAP_PX;
  }
  boxes.set(column, { top: 0, height: y });
  return boxes;
}

function layoutRect(element: Element): DOMRect {
  const column = element.closest('[data-testid="column"]');
  if (!column) return ZERO;
  const columns = Array.from(document.querySelectorAll('[data-testid="column"]'));
  const left = columns.indexOf(column) * (COLUMN_WIDTH_PX + COLUMN_GAP_PX);
  const boxes = columnBoxes(column);
  const own = boxes.get(element);
  if (own) return rect(left, own);
  // A card's buttons and text: the card; anything else in the column: the column.
  const card = element.closest('[data-card-id]');
  const box = (card && boxes.get(card)) ?? boxes.get(column);
  return box ? rect(left, box) : ZERO;
}

/** Lays the board out until the returned function is called. */
export function installMadeUpLayout(): () => void {
  const original = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return layoutRect(this);
  };
  return () => {
    Element.prototype.getBoundingClientRect = original;
  };
}

/** The centre of an element in the made-up layout. */
export function centerOf(element: Element): { x: number; y: number } {
  const box = layoutRect(element);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}
