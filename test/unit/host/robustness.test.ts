// What a misbehaving client can do to the host: garbage, oversized frames, floods, too many
// connections, vanishing without closing, not reading. In every case only the offending
// socket goes, the others keep syncing, the host stays up and garbage never reaches the replica.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  MAX_RELAY_FRAME_BYTES,
  MAX_SIGNALING_FRAME_BYTES,
  RELAY_MESSAGE_BURST,
  SIGNALING_MESSAGE_BURST,
} from '../../../electron/host/session/limits';
import type { SessionHost } from '../../../electron/host/session/sessionHost';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import {
  Resources,
  WORKSHOP_ID,
  closeEvent,
  getJson,
  makeAppRoot,
  makeTempDir,
  removeDir,
  upgradeStatus,
  waitFor,
} from './helpers';
import { seededRandom } from '../../support/seededRandom';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-robust-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

function signalingUrl(host: SessionHost): string {
  return `ws://127.0.0.1:${host.port}/signal?code=${host.code}`;
}

function relayUrl(host: SessionHost): string {
  return `ws://127.0.0.1:${host.port}/relay/${WORKSHOP_ID}?code=${host.code}`;
}

/** Two relay clients that have synced, for checking that the room keeps working. */
async function syncedPair(host: SessionHost) {
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const a = resources.relayClient(host, docA, host.code as string);
  const b = resources.relayClient(host, docB, host.code as string);
  await waitFor('pair synced', () => a.synced && b.synced);
  return { docA, docB };
}

async function stillSyncing(host: SessionHost, docA: Y.Doc, docB: Y.Doc, word: string) {
  docA.getArray<string>('log').push([word]);
  await waitFor(`B got "${word}"`, () => docB.getArray<string>('log').toArray().includes(word));
  expect(host.doc.getArray<string>('log').toArray()).toContain(word);
  expect((await getJson(host.port, `/api/session?code=${host.code}`)).status).toBe(200);
}

async function pingPong(socket: WebSocket): Promise<void> {
  const answer = new Promise<string>((resolve) =>
    socket.once('message', (data) => resolve(String(data))),
  );
  socket.send(JSON.stringify({ type: 'ping' }));
  expect(JSON.parse(await answer)).toEqual({ type: 'pong' });
}

describe('malformed frames', () => {
  it('signaling: binary and non-JSON frames close that socket only', async () => {
    const host = await resources.host({ appRoot });
    const good = await resources.socket(signalingUrl(host));
    const frames: Array<string | Buffer> = [
      Buffer.from([0xde, 0xad, 0xbe, 0xef]),
      'not json',
      '{"type":"subscribe","topics":',
      'null',
      '[1,2,3]',
    ];
    for (const frame of frames) {
      const bad = await resources.socket(signalingUrl(host));
      const closed = closeEvent(bad);
      bad.send(frame);
      expect((await closed).code, String(frame)).toBe(SESSION_CLOSE_CODES.malformed);
    }
    await pingPong(good);
    await waitFor('only the good one left', () => host.connections().length === 1);
  });

  it('relay: garbage closes the sender, the replica is unchanged, the others keep syncing', async () => {
    const host = await resources.host({ appRoot });
    const { docA, docB } = await syncedPair(host);
    await stillSyncing(host, docA, docB, 'before');
    const before = Y.encodeStateAsUpdate(host.doc);
    const random = seededRandom(20270311);
    let closedMalformed = 0;
    for (let round = 0; round < 40; round++) {
      const bad = await resources.socket(relayUrl(host));
      const closed = closeEvent(bad);
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)),
      );
      // Half of them start like a sync or an awareness message, to get past the first byte.
      if (round % 2 === 0) bytes[0] = round % 4 === 0 ? 0 : 1;
      bad.send(round === 0 ? 'text is not the relay protocol' : bytes);
      // Frames that happen to be harmless (e.g. an ignored message type) leave the socket open.
      const outcome = await Promise.race([
        closed,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 100)),
      ]);
      if (outcome?.code === SESSION_CLOSE_CODES.malformed) closedMalformed++;
      bad.terminate();
    }
    expect(closedMalformed).toBeGreaterThan(35);
    expect(Y.encodeStateAsUpdate(host.doc)).toEqual(before);
    await stillSyncing(host, docA, docB, 'after');
  });
});

describe('oversized frames', () => {
  it(`signaling: a frame over ${MAX_SIGNALING_FRAME_BYTES} bytes is refused with 1009`, async () => {
    const host = await resources.host({ appRoot });
    const good = await resources.socket(signalingUrl(host));
    const big = await resources.socket(signalingUrl(host));
    const closed = closeEvent(big);
    big.send(
      JSON.stringify({
        type: 'publish',
        topic: WORKSHOP_ID,
        data: 'x'.repeat(MAX_SIGNALING_FRAME_BYTES),
      }),
    );
    expect((await closed).code).toBe(SESSION_CLOSE_CODES.tooBig);
    await pingPong(good);
  });

  it(`relay: a frame over ${MAX_RELAY_FRAME_BYTES} bytes is refused with 1009; the replica is unchanged`, async () => {
    const host = await resources.host({ appRoot });
    const { docA, docB } = await syncedPair(host);
    const before = Y.encodeStateAsUpdate(host.doc);
    const big = await resources.socket(relayUrl(host));
    const closed = closeEvent(big);
    big.send(Buffer.alloc(MAX_RELAY_FRAME_BYTES + 1, 0));
    expect((await closed).code).toBe(SESSION_CLOSE_CODES.tooBig);
    expect(Y.encodeStateAsUpdate(host.doc)).toEqual(before);
    await stillSyncing(host, docA, docB, 'after big frame');
  });

  it('relay: a legitimate board of 10,000 cards (~3 MB in one frame) still gets through', async () => {
    const host = await resources.host({ appRoot });
    const big = new Y.Doc();
    const cards = big.getMap<string>('cards');
    big.transact(() => {
      for (let index = 0; index < 10_000; index++) {
        cards.set(
          `card-${index}`,
          `Karte ${index}: ${'Digitalisierung der Verwaltung '.repeat(9)}`,
        );
      }
    });
    expect(Y.encodeStateAsUpdate(big).length).toBeGreaterThan(2_500_000);
    const client = resources.relayClient(host, big, host.code as string);
    await waitFor('host has the board', () => host.doc.getMap('cards').size === 10_000, 10_000);
    expect(client.wsconnected).toBe(true);
  });
});

describe('floods', () => {
  it('signaling: more messages than the burst allows close the socket with 1008', async () => {
    const host = await resources.host({ appRoot });
    const good = await resources.socket(signalingUrl(host));
    const flooder = await resources.socket(signalingUrl(host));
    const closed = closeEvent(flooder);
    for (let index = 0; index < SIGNALING_MESSAGE_BURST * 4; index++) {
      flooder.send('{"type":"ping"}');
    }
    expect((await closed).code).toBe(SESSION_CLOSE_CODES.policyViolation);
    await pingPong(good);
  });

  it('relay: a message flood closes the socket with 1008; the room keeps syncing', async () => {
    const host = await resources.host({ appRoot });
    const { docA, docB } = await syncedPair(host);
    const before = Y.encodeStateAsUpdate(host.doc);
    const flooder = await resources.socket(relayUrl(host));
    const closed = closeEvent(flooder);
    const ignored = Buffer.from([3]); // query-awareness: valid, ignored — only the rate counts
    for (let index = 0; index < RELAY_MESSAGE_BURST * 3; index++) flooder.send(ignored);
    expect((await closed).code).toBe(SESSION_CLOSE_CODES.policyViolation);
    expect(Y.encodeStateAsUpdate(host.doc)).toEqual(before);
    await stillSyncing(host, docA, docB, 'after flood');
  });

  it('relay: a byte flood (many large frames) closes the socket with 1008', async () => {
    const host = await resources.host({
      appRoot,
      limits: { relayByteBurst: 1024 * 1024, relayBytesPerSecond: 64 * 1024 },
    });
    const flooder = await resources.socket(relayUrl(host));
    const closed = closeEvent(flooder);
    const frame = Buffer.alloc(256 * 1024, 0);
    frame[0] = 2; // auth message: ignored, only its size counts
    for (let index = 0; index < 8; index++) flooder.send(frame);
    expect((await closed).code).toBe(SESSION_CLOSE_CODES.policyViolation);
  });
});

describe('connection limits and dead sockets', () => {
  it('refuses connections beyond the host cap and the per-address cap with 503', async () => {
    const host = await resources.host({ appRoot, limits: { maxConnections: 3 } });
    for (let index = 0; index < 3; index++) await resources.socket(signalingUrl(host));
    const full = await upgradeStatus(host.port, `/signal?code=${host.code}`);
    expect(full.status).toBe(503);
    expect(full.headers['retry-after']).toBeDefined();

    const perAddress = await resources.host({ appRoot, limits: { maxConnectionsPerAddress: 2 } });
    await resources.socket(signalingUrl(perAddress));
    await resources.socket(relayUrl(perAddress));
    expect((await upgradeStatus(perAddress.port, `/signal?code=${perAddress.code}`)).status).toBe(
      503,
    );
  });

  it('drops a socket that stops answering pings, keeps one that answers', async () => {
    const host = await resources.host({ appRoot, limits: { pingIntervalMs: 100 } });
    const alive = await resources.socket(signalingUrl(host));
    const silent = await resources.socket(signalingUrl(host), { autoPong: false });
    const silentClosed = closeEvent(silent);
    await waitFor('silent one dropped', () => host.connections().length === 1, 2_000);
    await silentClosed;
    expect(alive.readyState).toBe(alive.OPEN);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(host.connections()).toHaveLength(1);
    await pingPong(alive);
  });

  it('drops a client that does not read while the room keeps sending', async () => {
    const log: string[] = [];
    const host = await resources.host({
      appRoot,
      limits: { maxBufferedBytes: 256 * 1024 },
      log: (line) => log.push(line),
    });
    const { docA, docB } = await syncedPair(host);
    const stuck = await resources.socket(relayUrl(host));
    // Stop reading on the client's TCP socket: the host's send buffer fills up.
    const tcp = (stuck as unknown as { _socket: { pause(): void } })._socket;
    tcp.pause();
    const chunk = 'Maßnahme '.repeat(50_000);
    for (let round = 0; round < 60 && host.connections().length === 3; round++) {
      docA.getArray<string>('big').push([chunk]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor('stuck client dropped', () => host.connections().length === 2, 5_000);
    expect(
      log.some((line) => /relay connection relay-3 .*dropped \(cannot keep up\)/.test(line)),
    ).toBe(true);
    await stillSyncing(host, docA, docB, 'after stuck client');
  });
});
