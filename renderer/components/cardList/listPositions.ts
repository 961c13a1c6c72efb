// Numbers a card list's items for screen readers (aria-posinset / aria-setsize).
// Chromium leaves the cards of a chunk that is off screen out of the accessibility
// tree (measured through the DevTools protocol), so it would count only the cards
// near the viewport: "list, 20 items" for a list of 400. The numbers follow the
// DOM (cards added, moved, removed, hidden by the search) through a
// MutationObserver rather than React props, so that a card added at the top does
// not render the 400 cards after it.

const ITEM_SELECTOR = ':scope > .card-chunk > [role="listitem"]';

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

/** Keeps a list's items numbered until the returned function is called. */
export function observeListPositions(list: Element): () => void {
  numberListItems(list);
  const observer = new MutationObserver(() => numberListItems(list));
  observer.observe(list, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
  return () => observer.disconnect();
}
