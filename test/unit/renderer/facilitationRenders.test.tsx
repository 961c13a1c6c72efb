// @vitest-environment jsdom
// The facilitated board re-renders narrowly: the real Board, Column, ClusterBox
// and CardItem components, rendered under jsdom, count their renders through the
// hook each calls once per render. One card's edit (local or remote) re-renders
// that card only; a comment or a dot on one card re-renders no card component;
// moving a card re-renders the two columns involved and the moved card's content;
// dnd-kit re-renders the sortable shells of the list it left, not their content.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ChangeFeed } from '../../../shared/model/changeFeed';
import { addField, initWorkshop } from '../../../shared/model/commands';
import { createUndoManager } from '../../../shared/model/undo';
import { editCardText, writeCard } from '../../../shared/facilitation/cards';
import { createCluster, moveCards } from '../../../shared/facilitation/clusters';
import { addComment } from '../../../shared/facilitation/comments';
import { joinWorkshop } from '../../../shared/facilitation/participants';
import { goToPhase, startFacilitation } from '../../../shared/facilitation/session';
import { castVote } from '../../../shared/facilitation/votes';
import { SessionContext } from '../../../renderer/hooks/sessionContext';
import type { WorkshopSession } from '../../../renderer/session/workshopSession';
import { Board } from '../../../renderer/components/Board';
import { initI18n } from '../../../renderer/i18n';

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

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOST = 'hostFrieda';
const BEN = 'benParticipant';
let container: HTMLDivElement;
let root: Root;
let doc: Y.Doc;
let feed: ChangeFeed;
let fields: string[];
let cards: string[];

beforeAll(async () => {
  localStorage.setItem('werkstatt.participantId', BEN);
  await initI18n();
});

beforeEach(() => {
  renders.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  doc = new Y.Doc();
  feed = new ChangeFeed(doc);
  initWorkshop(doc, { title: 'Werkstatt' });
  fields = ['Bürgerservice', 'Daten', 'IT'].map((title) => addField(doc, { title }));
  startFacilitation(doc, { hostId: HOST, hostName: 'Frieda', now: 1 });
  joinWorkshop(doc, BEN, 'Ben', 2);
  goToPhase(doc, HOST, 'default-cluster', 3);
  cards = [];
  for (const fieldId of fields) {
    for (let i = 0; i < 5; i++) {
      cards.push(writeCard(doc, HOST, { fieldId, text: `Karte ${cards.length}`, now: 4 }) ?? '');
    }
  }
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  feed.destroy();
});

function mount() {
  const session = {
    id: 'renders',
    doc,
    feed,
    undo: createUndoManager(doc),
    getConnection: () => null,
    subscribeConnection: () => () => {},
  } as unknown as WorkshopSession;
  act(() =>
    root.render(
      <SessionContext.Provider value={session}>
        <Board />
      </SessionContext.Provider>,
    ),
  );
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
    // dnd-kit re-renders the sortable shells of the list the card left (their indexes
    // moved), but a card's content is memoised apart from its shell: only the moved
    // card's content renders again.
    expect(cardRenders()).toEqual([`card:${cards[0]}`]);
    expect(
      container.querySelector(`[data-cluster-id="${cluster}"] [data-card-id="${cards[0]}"]`),
    ).not.toBeNull();
  });
});
