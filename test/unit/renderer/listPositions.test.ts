// @vitest-environment jsdom
// Card lists number their items for screen readers, because Chromium leaves the
// cards of off-screen chunks out of the accessibility tree: positions and the
// count follow cards being added, moved, removed and hidden by the search.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeListPositions } from '../../../renderer/components/cardList/listPositions';

function card(id: string): HTMLElement {
  const item = document.createElement('div');
  item.setAttribute('role', 'listitem');
  item.dataset.cardId = id;
  return item;
}

function list(chunks: string[][]): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('role', 'list');
  for (const ids of chunks) {
    const chunk = document.createElement('div');
    chunk.className = 'card-chunk';
    chunk.setAttribute('role', 'none');
    for (const id of ids) chunk.append(card(id));
    element.append(chunk);
  }
  document.body.append(element);
  return element;
}

const positions = (element: HTMLElement) =>
  Array.from(element.querySelectorAll<HTMLElement>('[role="listitem"]')).map((item) =>
    item.hidden
      ? `${item.dataset.cardId}:hidden`
      : `${item.dataset.cardId}:${item.getAttribute('aria-posinset')}/${item.getAttribute('aria-setsize')}`,
  );

/** Lets the MutationObserver run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('observeListPositions', () => {
  it('numbers the cards across chunks', () => {
    const element = list([['a', 'b'], ['c']]);
    const stop = observeListPositions(element);
    expect(positions(element)).toEqual(['a:1/3', 'b:2/3', 'c:3/3']);
    stop();
  });

  it('follows a card added at the top, a move between chunks, a removal and the search', async () => {
    const element = list([['a', 'b'], ['c']]);
    const stop = observeListPositions(element);
    const [first, second] = Array.from(element.children);
    first?.prepend(card('new'));
    await settle();
    expect(positions(element)).toEqual(['new:1/4', 'a:2/4', 'b:3/4', 'c:4/4']);

    second?.append(element.querySelector('[data-card-id="a"]') as HTMLElement);
    await settle();
    expect(positions(element)).toEqual(['new:1/4', 'b:2/4', 'c:3/4', 'a:4/4']);

    element.querySelector('[data-card-id="new"]')?.remove();
    (element.querySelector('[data-card-id="c"]') as HTMLElement).hidden = true;
    await settle();
    expect(positions(element)).toEqual(['b:1/2', 'c:hidden', 'a:2/2']);
    stop();
  });

  it('follows a new chunk, and does not count again for a drag line or a card’s text', async () => {
    const element = list([['a', 'b'], ['c']]);
    const stop = observeListPositions(element);
    const counted = vi.spyOn(element, 'querySelectorAll');
    const line = document.createElement('div');
    line.className = 'drop-indicator';
    element.append(line);
    const text = document.createElement('p');
    element.querySelector('[data-card-id="a"]')?.append(text);
    text.textContent = 'Neuer Text';
    text.hidden = true;
    line.remove();
    await settle();
    expect(counted).not.toHaveBeenCalled();

    const chunk = document.createElement('div');
    chunk.className = 'card-chunk';
    chunk.append(card('d'));
    element.insertBefore(chunk, element.firstChild);
    await settle();
    expect(counted).toHaveBeenCalledTimes(1);
    expect(positions(element)).toEqual(['d:1/4', 'a:2/4', 'b:3/4', 'c:4/4']);
    stop();
  });

  it('stops following when the list goes', async () => {
    const element = list([['a']]);
    observeListPositions(element)();
    element.firstElementChild?.append(card('b'));
    await settle();
    expect(positions(element)).toEqual(['a:1/1', 'b:null/null']);
  });
});
