// When the session will not take a laptop back, the laptop stops knocking. A browser cannot
// see the 401 of a refused WebSocket handshake, so y-webrtc's signaling client retried a
// revoked code every 2.5 s forever, and y-websocket a replaced one. The app's
// SessionConnection (in its own process, with real WebRTC available) now stops the relay,
// signaling and direct peers when the relay is closed with 4403 (revoke), or when, after a
// failed connection, the session API says the code is wrong (a code rotated while the host
// restarted), and says so ("refused"). Sockets are counted where the laptop opens them.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startSessionHost,
  type SessionHost,
  type SessionHostOptions,
} from '../../../electron/host/session/sessionHost';
import { JOIN_CODE_CHECK_INTERVAL_MS } from '../../../renderer/sync/joinCodeCheck';
import { RELAY_MAX_BACKOFF_MS } from '../../../renderer/sync/sessionConnection';
import { WORKSHOP_ID, makeAppRoot, makeTempDir, removeDir, waitFor } from '../host/helpers';
import type { PeerState } from './fixtures/sessionPeer';
import { SessionPeer } from './sessionPeers';

/** y-webrtc's signaling client retries within 2.5 s, y-websocket here within 5 s. */
const QUIET_PERIOD_MS = 2 * RELAY_MAX_BACKOFF_MS;
const CONNECT_TIMEOUT_MS = 20_000;
const POLL_MS = 100;

let tmp: string;
let appRoot: string;
const hosts: SessionHost[] = [];
const peers: SessionPeer[] = [];

beforeAll(() => {
  tmp = makeTempDir('werkstatt-sync-refused-');
  appRoot = makeAppRoot(tmp);
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()));
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});
afterAll(() => removeDir(tmp));

async function startHost(options: Partial<SessionHostOptions> = {}): Promise<SessionHost> {
  const host = await startSessionHost({
    appRoot,
    workshopId: WORKSHOP_ID,
    title: 'Digitalstrategie Lindenau',
    ...options,
  });
  hosts.push(host);
  return host;
}

async function joinedLaptop(host: SessionHost): Promise<SessionPeer> {
  const peer = new SessionPeer('laptop', host.url, host.code as string, WORKSHOP_ID);
  peers.push(peer);
  await peer.whenReady();
  peer.send({ type: 'join' });
  await waitFor(
    'relay and signaling connected',
    () => host.connections().filter((c) => c.kind === 'signaling').length === 1,
    CONNECT_TIMEOUT_MS,
    POLL_MS,
  );
  let state: PeerState | null = null;
  while (state?.status?.relay !== 'connected') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    state = await peer.state();
  }
  return peer;
}

async function untilRefused(peer: SessionPeer, timeoutMs: number): Promise<PeerState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await peer.state();
    if (state.status?.refused) return state;
    if (Date.now() > deadline) throw new Error(`not refused after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Sockets the laptop opens during a quiet period after it was refused. */
async function socketsOpenedLater(peer: SessionPeer, refused: PeerState) {
  await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
  const later = await peer.state();
  return {
    signaling: later.signalingSockets - refused.signalingSockets,
    relay: later.relaySockets - refused.relaySockets,
    status: later.status?.relay,
  };
}

describe('a laptop the session will not take back', () => {
  it(
    'stops signaling and relay when the code is revoked, and says it was refused',
    async () => {
      const host = await startHost();
      const peer = await joinedLaptop(host);
      host.revokeCode();
      const refused = await untilRefused(peer, CONNECT_TIMEOUT_MS);
      expect(await socketsOpenedLater(peer, refused)).toEqual({
        signaling: 0,
        relay: 0,
        status: 'offline',
      });
      expect(host.connections()).toEqual([]);
    },
    CONNECT_TIMEOUT_MS * 3,
  );

  it(
    'stops once the session API says the code is wrong, after the host came back with a new one',
    async () => {
      const dataFile = path.join(tmp, 'board.yjs');
      const first = await startHost({ dataFile });
      const port = first.port;
      const peer = await joinedLaptop(first);
      // Rotated while the laptop was in (it stays), then the host restarts: the laptop's
      // code is no longer good, and the refused handshakes look like a host that is down.
      first.rotateCode();
      await first.close();
      hosts.splice(hosts.indexOf(first), 1);
      const second = await startHost({ dataFile, port });
      expect(second.code).not.toBeNull();
      const refused = await untilRefused(
        peer,
        JOIN_CODE_CHECK_INTERVAL_MS + RELAY_MAX_BACKOFF_MS + CONNECT_TIMEOUT_MS,
      );
      expect(await socketsOpenedLater(peer, refused)).toEqual({
        signaling: 0,
        relay: 0,
        status: 'offline',
      });
      expect(second.connections()).toEqual([]);
    },
    CONNECT_TIMEOUT_MS * 4,
  );

  it(
    'keeps trying while the host is only away, with the same code',
    async () => {
      const dataFile = path.join(tmp, 'away.yjs');
      const first = await startHost({ dataFile });
      const port = first.port;
      const peer = await joinedLaptop(first);
      await first.close();
      hosts.splice(hosts.indexOf(first), 1);
      // Longer than a code check interval: the check asks, hears "unreachable", keeps going.
      await new Promise((resolve) => setTimeout(resolve, JOIN_CODE_CHECK_INTERVAL_MS + 1_000));
      const away = await peer.state();
      expect(away.status?.refused).toBe(false);
      expect(away.status?.relay).toBe('offline');
      const second = await startHost({ dataFile, port });
      await waitFor(
        'the laptop is back',
        () => second.connections().filter((c) => c.kind === 'relay').length === 1,
        CONNECT_TIMEOUT_MS,
        POLL_MS,
      );
      expect((await peer.state()).status?.refused).toBe(false);
    },
    CONNECT_TIMEOUT_MS * 4,
  );
});
