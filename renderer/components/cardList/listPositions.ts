// Numbers a card list's items for screen readers (aria-posinset / aria-setsize).
// Chromium leaves the cards of a chunk that is off screen out of the accessibility
// tree (measured through the DevTools protocol), so it would count only the cards
// near the viewport: "list, 20 items" for a list of 400. The numbers follow the
// DOM (cards added, moved, removed, hidden by the search) through a
// MutationObserver rather than React props, so that a card added at the top does
// not render the 400 cards after it. Only mutations that can change the items or
// their order renumber the list: the insertion line of a drag or a card's text do
// not (renumbering a 400-card list took ~1 ms, a quarter of a drag frame's script).

import { CARD_CHUNK_CLASS } from './chunkCards';

const ITEM_SELECTOR = `:scope > .${CARD_CHUNK_CLASS} > [role="listitem"]`;

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Writes each shown card's position and the number of shown cards. */
export function numberListItems(list: Element): void {
  const shown = Array.from(list.querySelectorAll<HTMLElement>(ITEM_SELECTOR)).filter(
    (item) => !item.hidden,
  );
  const size = String(shown.length);
  shown.forEach((item, index) => {
    setAttribute(item, 'aria-posinset', String(index + 1));
    setAttribute(item, 'aria-setsize', size);
  });
}

const isChunk = (node: Node | null, list: Element): node is Element =>
  node instanceof Element &&
  node.parentElement === list &&
  node.classList.contains(CARD_CHUNK_CLASS);

const isChunkNode = (node: Node): boolean =>
  node instanceof Element && node.classList.contains(CARD_CHUNK_CLASS);

/** Whether a mutation can change which items the list shows, or their order. */
function changesItems(list: Element, record: MutationRecord): boolean {
  if (record.type === 'attributes') return isChunk(record.target.parentNode, list);
  if (record.target === list) {
    return [...record.addedNodes, ...record.removedNodes].some(isChunkNode);
  }
  return isChunk(record.target, list);
}

/** Keeps a list's items numbered until the returned function is called. */
export function observeListPositions(list: Element): () => void {
  numberListItems(list);
  const observer = new MutationObserver((records) => {
    if (records.some((record) => changesItems(list, record))) numberListItems(list);
  });
  observer.observe(list, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
  return () => observer.disconnect();
}
