// @vitest-environment jsdom
// A board that opens with many cards shows the cards of each list's first chunk
// complete and the others as outlines (their text), completed soon after: at once
// when Chromium is about to render their chunk, otherwise in idle time. Rendered with
// the real Board under jsdom, which lacks content-visibility: the test stands in
// Chromium's event type and fires its state changes by hand.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editCardText, writeCard } from '../../../shared/facilitation/cards';
import { initI18n } from '../../../renderer/i18n';
import { CARD_CHUNK_CLASS } from '../../../renderer/components/cardList/chunkCards';
import {
  applyAsPeer,
  boardSession,
  clusteringBoard,
  HOST,
  renderBoard,
  type BoardFixture,
} from './support/boardFixture';

const EXTRA_CARDS = 100;
const EVENT_TYPE = 'ContentVisibilityAutoStateChangeEvent';

let container: HTMLDivElement;
let root: Root;
let board: BoardFixture;
let longList: string[];

beforeAll(async () => {
  localStorage.setItem('werkstatt.participantId', HOST);
  (window as unknown as Record<string, unknown>)[EVENT_TYPE] = class extends Event {};
  await initI18n();
});

afterAll(() => {
  delete (window as unknown as Record<string, unknown>)[EVENT_TYPE];
});

beforeEach(() => {
  board = clusteringBoard();
  const [fieldId = ''] = board.fields;
  longList = [...board.cards.slice(0, 5)];
  for (let i = 0; i < EXTRA_CARDS; i++) {
    longList.push(writeCard(board.doc, HOST, { fieldId, text: `Lang ${i}`, now: 5 }) ?? '');
  }
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  renderBoard(root, boardSession(board));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  board.feed.destroy();
});

const card = (id: string) => container.querySelector<HTMLElement>(`[data-card-id="${id}"]`);
const isComplete = (id: string) => card(id)?.querySelector('.drag-handle') != null;
const chunkOf = (id: string) => card(id)?.closest(`.${CARD_CHUNK_CLASS}`) ?? null;

function stateChange(element: Element | null, skipped: boolean) {
  if (!element) throw new Error('no chunk');
  act(() => {
    element.dispatchEvent(
      Object.assign(new Event('contentvisibilityautostatechange'), { skipped }),
    );
  });
}

/** Lets idle time pass (jsdom has no requestIdleCallback: one chunk per timer) until `done`. */
async function idleUntil(done: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!done() && Date.now() - started < timeoutMs) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

describe('a board opening with a long list', () => {
  it('shows every card, the first chunk of each list complete and the rest as outlines', () => {
    for (const id of board.cards) expect(card(id)).not.toBeNull();
    longList
      .slice(5)
      .forEach((id, index) => expect(card(id)?.textContent).toContain(`Lang ${index}`));
    expect(isComplete(longList[0]!)).toBe(true);
    const last = longList.at(-1)!;
    expect(isComplete(last)).toBe(false);
    // The short lists are complete.
    for (const id of board.cards.slice(5)) expect(isComplete(id)).toBe(true);
  });

  it('shows a peer edit on an outline card', () => {
    const last = longList.at(-1)!;
    applyAsPeer(board.doc, (peer) => editCardText(peer, HOST, last, 'Vom Nachbarlaptop'));
    expect(card(last)?.textContent).toContain('Vom Nachbarlaptop');
    expect(isComplete(last)).toBe(false);
  });

  it('completes a chunk at once when the browser is about to render it in the viewport', () => {
    const last = longList.at(-1)!;
    const middle = longList[50]!;
    expect(chunkOf(middle)).not.toBe(chunkOf(last));
    const chunk = chunkOf(last);
    // jsdom lays nothing out: the chunk says it is inside the viewport.
    if (chunk) chunk.getBoundingClientRect = () => new DOMRect(0, 100, 300, 400);
    stateChange(chunk, true);
    expect(isComplete(last)).toBe(false);
    stateChange(chunk, false);
    expect(isComplete(last)).toBe(true);
    expect(isComplete(middle)).toBe(false);
  });

  it('completes every card in idle time, keeping the cards in order and numbered', async () => {
    expect(longList.filter(isComplete).length).toBeLessThan(longList.length);
    await idleUntil(() => longList.every(isComplete));
    for (const id of longList) expect(isComplete(id)).toBe(true);
    const list = card(longList[0]!)?.closest('[role="list"]');
    const shown = [...(list?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [])];
    expect(shown.map((element) => element.dataset.cardId)).toEqual(longList);
    // Screen readers hear "105 of 105" on the last card (cardList/listPositions.ts).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(shown.at(-1)?.getAttribute('aria-posinset')).toBe(String(longList.length));
    expect(shown.at(-1)?.getAttribute('aria-setsize')).toBe(String(longList.length));
  });
});
