// The facilitated board the renderer tests render under jsdom: a workshop with
// three Handlungsfelder of five cards each, facilitation started by HOST with BEN
// joined and the clustering phase running, shown by the real Board over a
// stand-in session (no connection, no disk). Which of the two is looking is
// localStorage's participant id, set by each test file before it mounts. Tests of
// other views (the strategy view) seed their own workshop and render over the same
// stand-in session, facilitated by the same two people.
import { act, type ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import * as Y from 'yjs';
import { ChangeFeed } from '../../../../shared/model/changeFeed';
import { addField, initWorkshop } from '../../../../shared/model/commands';
import { createUndoManager } from '../../../../shared/model/undo';
import { writeCard } from '../../../../shared/facilitation/cards';
import { joinWorkshop } from '../../../../shared/facilitation/participants';
import { goToPhase, startFacilitation } from '../../../../shared/facilitation/session';
import { SessionContext } from '../../../../renderer/hooks/sessionContext';
import type { WorkshopSession } from '../../../../renderer/session/workshopSession';
import { Board } from '../../../../renderer/components/Board';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const HOST = 'hostFrieda';
export const BEN = 'benParticipant';
export const FIELD_TITLES = ['Bürgerservice', 'Daten', 'IT'] as const;
export const CARDS_PER_FIELD = 5;

export interface BoardFixture {
  readonly doc: Y.Doc;
  readonly feed: ChangeFeed;
  readonly fields: readonly string[];
  /** "Karte 0" … "Karte 14", five per field in field order. */
  readonly cards: readonly string[];
}

/** HOST starts facilitating, BEN joins, and HOST moves on to the phase `phaseId`. */
export function facilitate(doc: Y.Doc, phaseId: string): void {
  startFacilitation(doc, { hostId: HOST, hostName: 'Frieda', now: 1 });
  joinWorkshop(doc, BEN, 'Ben', 2);
  goToPhase(doc, HOST, phaseId, 3);
}

/** A new workshop in its clustering phase (destroy `feed` after the test). */
export function clusteringBoard(): BoardFixture {
  const doc = new Y.Doc();
  const feed = new ChangeFeed(doc);
  initWorkshop(doc, { title: 'Werkstatt' });
  const fields = FIELD_TITLES.map((title) => addField(doc, { title }));
  facilitate(doc, 'default-cluster');
  const cards: string[] = [];
  for (const fieldId of fields) {
    for (let i = 0; i < CARDS_PER_FIELD; i++) {
      cards.push(writeCard(doc, HOST, { fieldId, text: `Karte ${cards.length}`, now: 4 }) ?? '');
    }
  }
  return { doc, feed, fields, cards };
}

/** The open workshop as the views see it, without a connection or host clock. */
export function boardSession({ doc, feed }: Pick<BoardFixture, 'doc' | 'feed'>): WorkshopSession {
  return {
    id: 'renders',
    doc,
    feed,
    undo: createUndoManager(doc),
    getConnection: () => null,
    subscribeConnection: () => () => {},
    clockSamples: () => [],
    onClockSample: () => () => {},
  } as unknown as WorkshopSession;
}

/** Shows `view` in the open workshop `session`, as the workshop screen does. */
export function renderInSession(root: Root, session: WorkshopSession, view: ReactNode): void {
  act(() => root.render(<SessionContext.Provider value={session}>{view}</SessionContext.Provider>));
}

export function renderBoard(root: Root, session: WorkshopSession): void {
  renderInSession(root, session, <Board />);
}

/** Makes a change on another laptop's copy and lets it arrive here, as the sync layer does. */
export function applyAsPeer(doc: Y.Doc, change: (peer: Y.Doc) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  change(peer);
  act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'peer'));
  peer.destroy();
}
