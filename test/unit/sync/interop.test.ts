// Interop: participants who do not run Werkstatt can join a Werkstatt session with the join
// code and co-edit with Werkstatt laptops in one room. In each room: the real session host
// (127.0.0.1), a Werkstatt laptop (the app's SessionConnection with its initiator rule and
// chunking, in its own process), an unmodified y-webrtc peer (its own process, no relay at
// all) and an unmodified y-websocket WebsocketProvider (this process). The stock clients are
// configured only as docs/sync.md tells a third party: the room name is the workshop id
// from `GET /api/session?code=…`, signaling at `/signal?code=…`, the relay at `/relay` with
// `params: { code }`; they write and read cards with plain Yjs (fixtures/rawBoard.ts).
//
// The initiator rule (renderer/sync/peerInitiatorRule.ts) acts differently depending on who
// joins first and whose peer id is smaller, so all four combinations run, each in fresh
// processes (@roamhq/wrtc may crash a process that closes peer connections and goes on,
// node-webrtc#576). The stock peer's id is pinned to the smallest or largest uuid for that.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addField, initWorkshop } from '../../../shared/model/commands';
import { listCards, listFields } from '../../../shared/model/read';
import {
  Resources,
  WORKSHOP_ID,
  getJson,
  makeAppRoot,
  makeTempDir,
  removeDir,
} from '../host/helpers';
import { readRawCards, readRawFieldTitles, writeRawCard, type RawCards } from './fixtures/rawBoard';
import type { StockPeerState } from './fixtures/stockWebrtcPeer';
import { SessionPeer } from './sessionPeers';
import { StockWebrtcPeer } from './stockWebrtcPeers';

/** The smallest and the largest version-4 uuid: below and above every random peer id. */
const LOWEST_PEER_ID = '00000000-0000-4000-8000-000000000000';
const HIGHEST_PEER_ID = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
/** The laptop and the stock peer connect in 0.5–1.1 s here; a busy 2-core machine is slower. */
const CONNECT_DEADLINE_MS = 10_000;
const SYNC_DEADLINE_MS = 5_000;
/** Lets the first participant's `subscribe` reach the host before the second announces. */
const FIRST_JOIN_SETTLE_MS = 300;
/** How long clients with a wrong code get to find something (right ones connect in < 1 s). */
const INTRUDER_WAIT_MS = 3_000;
const POLL_MS = 50;
/** A laptop's state carries its whole document; a timeout message shows the start. */
const MAX_REPORTED_STATE_CHARS = 600;
const SCENARIO_TIMEOUT_MS = 40_000;

const FIELD_TITLE = 'Digitale Verwaltung';
const LAPTOP_CARD = 'Vom Werkstatt-Laptop: Termine online buchen';
const WEBRTC_CARD = 'Vom y-webrtc-Client: WLAN in allen Bürgerbüros';
const WEBSOCKET_CARD = 'Vom y-websocket-Client: Open-Data-Portal';

let tmp: string;
let appRoot: string;
const resources = new Resources();
const laptops: SessionPeer[] = [];
const stockPeers: StockWebrtcPeer[] = [];
const timings: string[] = [];

beforeAll(() => {
  tmp = makeTempDir('werkstatt-sync-interop-');
  appRoot = makeAppRoot(tmp);
});
afterEach(async () => {
  await Promise.all([
    ...laptops.splice(0).map((laptop) => laptop.kill()),
    ...stockPeers.splice(0).map((peer) => peer.kill()),
  ]);
  await resources.closeAll();
});
afterAll(() => {
  removeDir(tmp);
  // One line with the figures, as the other sync tests print theirs.
  if (timings.length > 0) console.log(`interop: ${timings.join('; ')}`);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pollUntil<T>(
  what: string,
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  deadlineMs: number,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      const last = JSON.stringify(value).slice(0, MAX_REPORTED_STATE_CHARS);
      throw new Error(`timed out after ${deadlineMs} ms: ${what}; last: ${last}`);
    }
    await sleep(POLL_MS);
  }
}

/** A host whose replica holds a workshop with one Handlungsfeld, as a facilitator's does. */
async function startRoom() {
  const host = await resources.host({ appRoot });
  const seed = new Y.Doc();
  initWorkshop(seed, { title: 'Digitalstrategie Lindenau' });
  const fieldId = addField(seed, { title: FIELD_TITLE });
  Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(seed));
  const code = host.code as string;
  // What a stock client is given: the address and the code. The room name comes from the host.
  const info = await getJson(host.port, `/api/session?code=${encodeURIComponent(code)}`);
  const room = (info.body as { workshopId: string }).workshopId;
  expect(room).toBe(WORKSHOP_ID);
  return { host, code, room, fieldId };
}

function signalingUrl(port: number, code: string): string {
  return `ws://127.0.0.1:${port}/signal?code=${encodeURIComponent(code)}`;
}

/** An unmodified y-websocket client in this process, configured as docs/sync.md says. */
function stockRelayClient(port: number, room: string, code: string, doc: Y.Doc) {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/relay`, room, doc, {
    // Only Node needs a WebSocket class; BroadcastChannel is off so that nothing in this
    // process can reach the document except through the relay.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { code },
    disableBc: true,
  });
  resources.providers.push(provider);
  return provider;
}

function laptopDoc(update: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  return doc;
}

function texts(cards: RawCards): string[] {
  return Object.values(cards)
    .map((card) => card.text)
    .sort();
}

function connectedTo(state: StockPeerState) {
  return state.connections.filter((conn) => conn.connected);
}

type First = 'stock y-webrtc peer' | 'Werkstatt laptop';

interface Scenario {
  readonly first: First;
  readonly stockPeerId: string;
  /** Which side offers: unmodified y-webrtc offers to every peer whose announce it hears. */
  readonly stockOffers: boolean;
  readonly why: string;
}

const SCENARIOS: Scenario[] = [
  {
    first: 'stock y-webrtc peer',
    stockPeerId: HIGHEST_PEER_ID,
    stockOffers: true,
    why: 'the stock peer hears the laptop announce and offers, against the rule, and the laptop answers',
  },
  {
    first: 'stock y-webrtc peer',
    stockPeerId: LOWEST_PEER_ID,
    stockOffers: true,
    why: 'the stock peer hears the laptop announce and offers, as the rule would have it',
  },
  {
    first: 'Werkstatt laptop',
    stockPeerId: HIGHEST_PEER_ID,
    stockOffers: false,
    why: 'the laptop hears the stock peer announce and, having the smaller id, offers',
  },
  {
    first: 'Werkstatt laptop',
    stockPeerId: LOWEST_PEER_ID,
    stockOffers: true,
    why: 'the laptop announces itself to the stock peer alone, which then offers',
  },
];

describe('a Werkstatt session with unmodified Yjs clients in the room', () => {
  it.each(SCENARIOS)(
    'connects directly and syncs cards all ways: $first first, stock peer id $stockPeerId',
    async ({ first, stockPeerId, stockOffers, why }) => {
      const { host, code, room, fieldId } = await startRoom();
      const laptop = new SessionPeer('laptop', host.url, code, WORKSHOP_ID);
      const stock = new StockWebrtcPeer(
        'stock y-webrtc peer',
        signalingUrl(host.port, code),
        room,
        stockPeerId,
      );
      laptops.push(laptop);
      stockPeers.push(stock);
      await Promise.all([laptop.whenReady(), stock.whenReady()]);

      const relayDoc = new Y.Doc();
      const relayClient = stockRelayClient(host.port, room, code, relayDoc);
      await pollUntil(
        'the y-websocket client has the board from the host',
        () => readRawFieldTitles(relayDoc),
        (fields) => fields[fieldId] === FIELD_TITLE,
        SYNC_DEADLINE_MS,
      );

      const joinStock = async () => {
        stock.join();
        await pollUntil(
          'the stock peer is on the signaling server',
          () => stock.state(),
          (state) => state.signalingConnected,
          CONNECT_DEADLINE_MS,
        );
      };
      const joinLaptop = async () => {
        laptop.send({ type: 'join' });
        await pollUntil(
          'the laptop is on the relay and the signaling server',
          () => laptop.state(),
          (state) =>
            state.status?.relay === 'connected' &&
            host.connections().filter((conn) => conn.kind === 'signaling').length >= 1,
          CONNECT_DEADLINE_MS,
        );
      };
      if (first === 'Werkstatt laptop') await joinLaptop();
      else await joinStock();
      await sleep(FIRST_JOIN_SETTLE_MS);
      const joinedAt = Date.now();
      if (first === 'Werkstatt laptop') stock.join();
      else laptop.send({ type: 'join' });

      // (1) Directly connected: a y-webrtc connection with `connected` true on both sides.
      const [stockState] = await pollUntil(
        'the stock peer and the laptop are connected over WebRTC',
        () => Promise.all([stock.state(), laptop.state()]),
        ([stockNow, laptopNow]) =>
          connectedTo(stockNow).length === 1 && laptopNow.status?.directPeers === 1,
        CONNECT_DEADLINE_MS,
      );
      const connectMs = Date.now() - joinedAt;
      expect(stockState.peerId).toBe(stockPeerId);
      expect(stockState.connections).toHaveLength(1);
      expect(stockState.connections[0]?.offered, why).toBe(stockOffers);

      // (2) A card from each: the laptop through the app's command, the stock clients with
      // plain Yjs into the structure the app reads.
      const editedAt = Date.now();
      laptop.send({ type: 'addCard', fieldId, text: LAPTOP_CARD });
      stock.addCard({
        id: 'card-from-stock-webrtc',
        fieldId,
        text: WEBRTC_CARD,
        author: 'y-webrtc',
        position: 5_000,
      });
      writeRawCard(relayDoc, {
        id: 'card-from-stock-websocket',
        fieldId,
        text: WEBSOCKET_CARD,
        author: 'y-websocket',
        position: 6_000,
      });
      const all = [LAPTOP_CARD, WEBRTC_CARD, WEBSOCKET_CARD].sort();
      const laptopBoard = await pollUntil(
        'the laptop shows all three cards in the Handlungsfeld',
        async () => listCards(laptopDoc((await laptop.state()).update), fieldId),
        (cards) => cards.length === 3,
        SYNC_DEADLINE_MS,
      );
      expect(laptopBoard.map((card) => card.text).sort()).toEqual(all);
      expect(laptopBoard.find((card) => card.text === WEBRTC_CARD)?.author).toBe('y-webrtc');
      // (3) The stock y-webrtc peer has no relay connection, so the laptop's and the
      // y-websocket client's cards can only have reached it over its WebRTC connection to
      // the laptop (and its own card left it only that way).
      const stockBoard = await pollUntil(
        'the stock y-webrtc peer has all three cards',
        () => stock.state(),
        (state) => Object.keys(state.cards).length === 3,
        SYNC_DEADLINE_MS,
      );
      const relayCards = await pollUntil(
        'the y-websocket client has all three cards',
        () => readRawCards(relayDoc),
        (cards) => Object.keys(cards).length === 3,
        SYNC_DEADLINE_MS,
      );
      const syncMs = Date.now() - editedAt;
      expect(texts(stockBoard.cards)).toEqual(all);
      expect(texts(relayCards)).toEqual(all);
      expect(Object.values(stockBoard.cards).every((card) => card.fieldId === fieldId)).toBe(true);
      expect(stockBoard.fields[fieldId]).toBe(FIELD_TITLE);
      expect(stockBoard.sockets.length).toBeGreaterThan(0);
      expect(stockBoard.sockets.every((socketPath) => socketPath === '/signal')).toBe(true);
      // The host sees two relay connections, the laptop's and the y-websocket client's.
      expect(host.connections().filter((conn) => conn.kind === 'relay')).toHaveLength(2);
      expect(relayClient.wsconnected).toBe(true);
      // The stock peer is still connected to the laptop, and to nobody else.
      expect(connectedTo(stockBoard).map((conn) => conn.remotePeerId)).toEqual(
        connectedTo(stockState).map((conn) => conn.remotePeerId),
      );

      timings.push(
        `${first} first, stock id ${stockPeerId.slice(0, 2)}…: direct in ${connectMs} ms, cards everywhere in ${syncMs} ms`,
      );
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'gives stock clients with a wrong code nothing',
    async () => {
      const { host, code, room, fieldId } = await startRoom();
      const wrongCode = `${code.startsWith('2') ? '3' : '2'}${code.slice(1)}`;
      const laptop = new SessionPeer('laptop', host.url, code, WORKSHOP_ID);
      const intruder = new StockWebrtcPeer(
        'stock y-webrtc peer with a wrong code',
        signalingUrl(host.port, wrongCode),
        room,
      );
      laptops.push(laptop);
      stockPeers.push(intruder);
      await Promise.all([laptop.whenReady(), intruder.whenReady()]);
      laptop.send({ type: 'join' });
      await pollUntil(
        'the laptop has the board from the host',
        async () => listFields(laptopDoc((await laptop.state()).update)),
        (fields) => fields.length === 1,
        CONNECT_DEADLINE_MS,
      );

      const relayDoc = new Y.Doc();
      const relayClient = stockRelayClient(host.port, room, wrongCode, relayDoc);
      intruder.join();
      laptop.send({ type: 'addCard', fieldId, text: LAPTOP_CARD });
      await sleep(INTRUDER_WAIT_MS);

      // There was something to get: the host holds the field and the laptop's new card.
      expect(listCards(host.doc, fieldId).map((card) => card.text)).toEqual([LAPTOP_CARD]);
      const intruderState = await intruder.state();
      expect(intruderState.cards).toEqual({});
      expect(intruderState.fields).toEqual({});
      expect(readRawCards(relayDoc)).toEqual({});
      expect(readRawFieldTitles(relayDoc)).toEqual({});
      expect(intruderState.signalingConnected).toBe(false);
      expect(intruderState.connections).toEqual([]);
      expect(relayClient.wsconnected).toBe(false);
      // The host lists only the laptop's two connections; the laptop has no direct peer.
      expect(host.connections()).toHaveLength(2);
      expect((await laptop.state()).status?.directPeers).toBe(0);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
