// Where a dragged card would land in a card list, from the list's card boxes and a
// vertical position: the places ("slots") between the visible cards, the index the
// move command takes, and where to draw the insertion line. Pure geometry, so that
// pointer drags, keyboard drags and the drop agree on one rule (the boxes come
// from measureList.ts).

/** One card of a list, measured relative to the list's top edge (px). */
export interface CardBox {
  readonly id: string;
  readonly top: number;
  readonly bottom: number;
  /** Filtered out by the search (no box on screen). */
  readonly hidden: boolean;
}

export interface ListSlot {
  /** Index among the list's cards without the moved ones (what moveCards takes). */
  readonly index: number;
  /** Place among the visible cards: 0 before the first, `slots - 1` after the last. */
  readonly slot: number;
  readonly slots: number;
  /** Where the insertion line goes, relative to the list's top (px). */
  readonly line: number;
}

/** Half the gap between two cards: the line sits in the middle of it. */
export const LINE_OFFSET_PX = 4;

interface Place {
  readonly box: CardBox;
  /** Position among the cards that stay (the moved ones left out). */
  readonly index: number;
}

function visiblePlaces(cards: readonly CardBox[], moving: ReadonlySet<string>): Place[] {
  const places: Place[] = [];
  let index = 0;
  for (const box of cards) {
    if (moving.has(box.id)) continue;
    if (!box.hidden) places.push({ box, index });
    index++;
  }
  return places;
}

function slotOf(places: readonly Place[], slot: number): ListSlot {
  const before = places[slot - 1];
  const after = places[slot];
  let line = 0;
  if (before && after) line = (before.box.bottom + after.box.top) / 2;
  else if (before) line = before.box.bottom + LINE_OFFSET_PX;
  else if (after) line = after.box.top - LINE_OFFSET_PX;
  return { index: before ? before.index + 1 : 0, slot, slots: places.length + 1, line };
}

/** The slot a card lands in when its reference point is `y` px below the list's top. */
export function slotAt(
  cards: readonly CardBox[],
  moving: ReadonlySet<string>,
  y: number,
): ListSlot {
  const places = visiblePlaces(cards, moving);
  let slot = 0;
  while (slot < places.length) {
    const { box } = places[slot] as Place;
    if ((box.top + box.bottom) / 2 >= y) break;
    slot++;
  }
  return slotOf(places, slot);
}

/**
 * A position (px below the list's top) that `slotAt` maps to the given slot, inside
 * the list's box: where the keyboard puts a card's centre to reach that slot.
 */
export function slotTarget(
  cards: readonly CardBox[],
  moving: ReadonlySet<string>,
  slot: number,
  listHeight: number,
): number {
  const places = visiblePlaces(cards, moving);
  const clamped = Math.max(0, Math.min(slot, places.length));
  const before = places[clamped - 1]?.box;
  const after = places[clamped]?.box;
  if (before && after) return (before.bottom + after.top) / 2;
  // A quarter into the first or last card: past its edge, short of its middle.
  if (after) return after.top + (after.bottom - after.top) / 4;
  if (before) return before.bottom - (before.bottom - before.top) / 4;
  return listHeight / 2;
}
