// @vitest-environment jsdom
// The facilitated board re-renders narrowly: the real Board, Column, ClusterBox
// and CardItem components, rendered under jsdom, count their renders through the
// hook each calls once per render (and, for the drag and phase tests, through
// React's DevTools hook: support/renderCounter.ts). One card's edit (local or
// remote) re-renders that card only; a comment or a dot on one card re-renders no
// card component; moving a card re-renders the two columns involved and the moved
// card only. Dragging a card, by pointer or keyboard, re-renders no card while it
// moves (with 2,000 cards that decides whether a drag is smooth), and a phase
// change re-renders only the buttons of cards whose permissions it changes.
import './support/renderCounter';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ChangeFeed } from '../../../shared/model/changeFeed';
import { editCardText } from '../../../shared/facilitation/cards';
import { createCluster, moveCards } from '../../../shared/facilitation/clusters';
import { addComment } from '../../../shared/facilitation/comments';
import { addPhase } from '../../../shared/facilitation/agenda';
import { goToPhase } from '../../../shared/facilitation/session';
import { castVote } from '../../../shared/facilitation/votes';
import { initI18n } from '../../../renderer/i18n';
import { BEN, boardSession, clusteringBoard, HOST, renderBoard } from './support/boardFixture';
import { centerOf, installMadeUpLayout } from './support/boardLayout';
import { resetRenders, rendersOf, totalRendersOf } from './support/renderCounter';

const renders = new Map<string, number>();
const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1);

// Each board component calls one of these once per render (and nothing else does).
vi.mock('../../../renderer/hooks/facilitation/useFacilitation', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../renderer/hooks/facilitation/useFacilitation')>();
  return {
    ...original,
    useIsOwnCard: (id: string) => {
      count(`card:${id}`);
      return original.useIsOwnCard(id);
    },
    useColumnLayout: (fieldId: string) => {
      count(`column:${fieldId}`);
      return original.useColumnLayout(fieldId);
    },
    useClusterFocusRequest: (clusterId: string) => {
      count(`cluster:${clusterId}`);
      return original.useClusterFocusRequest(clusterId);
    },
  };
});

let container: HTMLDivElement;
let root: Root;
let doc: Y.Doc;
let feed: ChangeFeed;
let fields: readonly string[];
let cards: readonly string[];

beforeAll(async () => {
  localStorage.setItem('werkstatt.participantId', BEN);
  await initI18n();
});

beforeEach(() => {
  renders.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  ({ doc, feed, fields, cards } = clusteringBoard());
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  feed.destroy();
});

function mount() {
  renderBoard(root, boardSession({ doc, feed }));
  expect(container.querySelectorAll('[data-testid="card"]')).toHaveLength(15);
  renders.clear();
}

const cardRenders = () => Array.from(renders.keys()).filter((key) => key.startsWith('card:'));

describe('render scope of the facilitated board', () => {
  it('re-renders only the edited card, for local and remote edits', () => {
    const [first = '', second = ''] = cards;
    mount();
    act(() => {
      editCardText(doc, HOST, first, 'Karte 0, geändert');
    });
    expect(container.querySelector(`[data-card-id="${first}"] .card-text`)?.textContent).toBe(
      'Karte 0, geändert',
    );
    expect(cardRenders()).toEqual([`card:${first}`]);
    expect(Array.from(renders.keys()).filter((key) => key.startsWith('column:'))).toEqual([]);

    renders.clear();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    editCardText(peer, HOST, second, 'vom Nachbarn');
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'peer'));
    expect(cardRenders()).toEqual([`card:${second}`]);
  });

  it('re-renders no card component for a comment or a dot on one card', () => {
    mount();
    act(() => {
      addComment(doc, HOST, cards[3] ?? '', 'Gute Idee', 5);
    });
    expect(
      container.querySelector(`[data-card-id="${cards[3]}"] .comments-toggle`)?.textContent,
    ).toContain('1');
    expect(cardRenders()).toEqual([`card:${cards[3]}`]);

    act(() => {
      goToPhase(doc, HOST, 'default-vote', 6);
    });
    renders.clear();
    act(() => {
      castVote(doc, BEN, cards[7] ?? '', { hostNow: 7 });
    });
    expect(container.querySelector(`[data-card-id="${cards[7]}"] .my-dots`)?.textContent).toBe('●');
    expect(cardRenders()).toEqual([]);
  });

  it('re-renders the two columns a card moves between, and no other card', () => {
    const [from = '', to = '', untouched = ''] = fields;
    const cluster = createCluster(doc, HOST, { fieldId: to, name: 'Cluster' }) ?? '';
    mount();
    act(() => {
      moveCards(doc, BEN, [cards[0] ?? ''], { fieldId: to, clusterId: cluster });
    });
    expect(renders.get(`column:${from}`)).toBeGreaterThan(0);
    expect(renders.get(`column:${to}`)).toBeGreaterThan(0);
    expect(renders.get(`column:${untouched}`)).toBeUndefined();
    // Only the moved card renders again (it is a new element in its new list).
    expect(cardRenders()).toEqual([`card:${cards[0]}`]);
    expect(
      container.querySelector(`[data-cluster-id="${cluster}"] [data-card-id="${cards[0]}"]`),
    ).not.toBeNull();
  });
});

const CARD_COMPONENTS = ['CardItem', 'CardContent', 'CardActions'] as const;
const cardComponentRenders = () =>
  CARD_COMPONENTS.reduce((sum, name) => sum + totalRendersOf(name), 0);

const cardElement = (id: string) => container.querySelector(`[data-card-id="${id}"]`) as Element;
const handleOf = (id: string) =>
  container.querySelector(`[data-card-id="${id}"] .drag-handle`) as HTMLElement;
const columnCardIds = (index: number) => {
  const column = container.querySelectorAll('[data-testid="column"]').item(index);
  return Array.from(column.querySelectorAll<HTMLElement>('[data-card-id]')).map(
    (element) => element.dataset.cardId,
  );
};
const announced = () =>
  Array.from(document.querySelectorAll('[role="status"][aria-live]'))
    .map((region) => region.textContent)
    .join(' ');

function pointer(type: string, target: EventTarget, at: { x: number; y: number }) {
  act(() => {
    target.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        cancelable: true,
        isPrimary: true,
        button: 0,
        pointerId: 1,
        clientX: at.x,
        clientY: at.y,
      }),
    );
  });
}

function press(target: EventTarget, code: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true }));
  });
}

/** dnd-kit's keyboard sensor listens from the next task on; focus returns in frames. */
const settle = (ms = 0) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe('render scope of a card drag', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = installMadeUpLayout();
  });
  afterEach(() => restoreLayout());

  it('re-renders no card while a card is dragged by pointer, and drops it under the pointer', () => {
    const [moved = '', , , , , , , before = ''] = cards;
    mount();
    const handle = handleOf(moved);
    const start = centerOf(handle);
    pointer('pointerdown', handle, start);
    pointer('pointermove', document, { x: start.x + 12, y: start.y });
    expect(cardElement(moved).classList.contains('dragging')).toBe(true);

    // Across into the second column, to the upper half of its third card.
    resetRenders();
    const target = centerOf(cardElement(before));
    const end = { x: target.x, y: target.y - 15 };
    const MOVES = 24;
    for (let step = 1; step <= MOVES; step++) {
      pointer('pointermove', document, {
        x: start.x + ((end.x - start.x) * step) / MOVES,
        y: start.y + ((end.y - start.y) * step) / MOVES + (step % 2 ? 20 : -20),
      });
    }
    pointer('pointermove', document, end);
    expect(cardComponentRenders()).toBe(0);
    expect(totalRendersOf('Column')).toBe(0);
    // What follows the pointer is the one draggable, and the two lists it passed
    // (their outline and insertion line).
    expect(totalRendersOf('DragSource')).toBeLessThanOrEqual(MOVES + 1);
    expect([...rendersOf('CardList').keys()].sort()).toEqual(
      [`column:${fields[0]}`, `column:${fields[1]}`].sort(),
    );
    expect(container.querySelectorAll('.drop-indicator')).toHaveLength(1);

    pointer('pointerup', document, end);
    expect(columnCardIds(1)).toEqual([cards[5], cards[6], moved, before, cards[8], cards[9]]);
    expect(columnCardIds(0)).not.toContain(moved);
    expect(container.querySelectorAll('.drop-indicator, .dragging')).toHaveLength(0);
  });

  it('moves a card by keyboard slot by slot, announces each place and keeps the focus', async () => {
    const [moved = ''] = cards;
    mount();
    const handle = handleOf(moved);
    handle.focus();
    press(handle, 'Space');
    await settle();
    expect(announced()).toContain('Picked up card “Karte 0”.');

    resetRenders();
    press(handle, 'ArrowDown');
    expect(announced()).toContain('is over column “Bürgerservice”, position 2 of 5.');
    press(handle, 'ArrowRight');
    expect(announced()).toContain('is over column “Daten”, position 3 of 6.');
    expect(cardComponentRenders()).toBe(0);
    expect(totalRendersOf('Column')).toBe(0);

    press(handle, 'Space');
    expect(announced()).toContain('Dropped card “Karte 0” in column “Daten”');
    expect(columnCardIds(1)).toEqual([cards[5], cards[6], moved, cards[7], cards[8], cards[9]]);
    // Screen readers hear its place in the new list (listPositions.ts), and the old list's count.
    await settle();
    expect(cardElement(moved).getAttribute('aria-posinset')).toBe('3');
    expect(cardElement(moved).getAttribute('aria-setsize')).toBe('6');
    expect(cardElement(cards[1] ?? '').getAttribute('aria-setsize')).toBe('4');
    // The card is a new element in its new list; its handle has the focus again.
    await settle(100);
    expect(document.activeElement).toBe(handleOf(moved));
  });

  it('moves a card by keyboard from the top of the loose cards up into the cluster above', async () => {
    const [moved = ''] = cards;
    const fieldId = fields[0] ?? '';
    const cluster = createCluster(doc, HOST, { fieldId, name: 'Schnell online' }) ?? '';
    moveCards(doc, HOST, [cards[3] ?? ''], { fieldId, clusterId: cluster });
    mount();
    const handle = handleOf(moved);
    handle.focus();
    press(handle, 'Space');
    await settle();
    press(handle, 'ArrowUp');
    press(handle, 'Space');
    expect(announced()).toContain('in cluster “Schnell online”');
    const inCluster = Array.from(
      container.querySelectorAll(`[data-cluster-id="${cluster}"] [data-card-id]`),
    ).map((element) => (element as HTMLElement).dataset.cardId);
    expect(inCluster).toEqual([cards[3], moved]);
  });
});

describe('render scope of a phase change', () => {
  it('re-renders no card when the cards look the same in the next phase (facilitator)', () => {
    localStorage.setItem('werkstatt.participantId', HOST);
    try {
      mount();
      const collect = addPhase(doc, HOST, { kind: 'collect' }) ?? '';
      resetRenders();
      act(() => {
        goToPhase(doc, HOST, collect, 5);
      });
      // The board took the phase in (new cards are private drafts now) ...
      expect(container.querySelectorAll('.private-hint')).toHaveLength(fields.length);
      // ... but a facilitator may do the same with every card in both phases.
      expect(cardComponentRenders()).toBe(0);
    } finally {
      localStorage.setItem('werkstatt.participantId', BEN);
    }
  });

  it('re-renders only the buttons of cards whose permissions change (participant)', () => {
    mount();
    const [card = ''] = cards;
    const moveButton = () =>
      container.querySelector(`[data-card-id="${card}"] [aria-label="Move to …"]`);
    expect(moveButton()?.getAttribute('aria-disabled')).toBeNull();
    resetRenders();
    act(() => {
      goToPhase(doc, HOST, 'default-derive', 5);
    });
    // Moving was allowed while clustering and is not while deriving measures.
    expect(moveButton()?.getAttribute('aria-disabled')).toBe('true');
    expect(totalRendersOf('CardActions')).toBe(cards.length);
    expect(totalRendersOf('CardContent')).toBe(0);
    expect(totalRendersOf('CardItem')).toBe(0);
  });
});
