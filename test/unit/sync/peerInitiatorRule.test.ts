// The initiator rule: of two peers only the one with the smaller id opens their WebRTC
// connection, so that peers announcing at the same moment do not both offer (y-webrtc#39).
// The decision is checked message by message, then as two peers exchanging announces, then
// on a real y-webrtc provider against a signaling server that sends crafted messages (no
// WebRTC connection is ever opened here).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import {
  decide,
  initiates,
  installInitiatorRule,
  type RuleProvider,
  type RuleRoom,
  type SignalingClient,
} from '../../../renderer/sync/peerInitiatorRule';
import { waitFor } from '../host/helpers';

const LOW = '1111-low';
const HIGH = '9999-high';

function room(peerId: string, conns: string[] = [], key: unknown = null): RuleRoom {
  return { name: 'ws-1', peerId, key, webrtcConns: new Map(conns.map((id) => [id, {}])) };
}

describe('which peer initiates', () => {
  it('is the one with the smaller id, seen the same way from both sides', () => {
    expect(initiates(LOW, HIGH)).toBe(true);
    expect(initiates(HIGH, LOW)).toBe(false);
  });

  it('hands y-webrtc an announce from a peer this one should open to', () => {
    expect(decide(room(LOW), 20, { type: 'announce', from: HIGH })).toEqual({ pass: true });
  });

  it('keeps an announce from a peer that should open, and announces back to it alone', () => {
    expect(decide(room(HIGH), 20, { type: 'announce', from: LOW })).toEqual({
      pass: false,
      reply: {
        type: 'publish',
        topic: 'ws-1',
        data: { type: 'announce', from: HIGH, to: LOW },
      },
    });
  });

  it('does not answer a directed announce it should not act on (no ping-pong)', () => {
    expect(decide(room(HIGH), 20, { type: 'announce', from: LOW, to: HIGH })).toEqual({
      pass: false,
      reply: null,
    });
  });

  it('does not ask for a connection when it has as many as it may', () => {
    expect(decide(room(HIGH, ['a', 'b']), 2, { type: 'announce', from: LOW })).toEqual({
      pass: false,
      reply: null,
    });
  });

  it('passes messages about peers it is already connecting to, and offers from anyone', () => {
    const offer = { type: 'signal', from: LOW, to: HIGH, signal: { type: 'offer', sdp: 'v=0' } };
    expect(decide(room(HIGH), 20, offer)).toEqual({ pass: true });
    const answer = { type: 'signal', from: LOW, to: HIGH, signal: { type: 'answer', sdp: 'v=0' } };
    expect(decide(room(HIGH, [LOW]), 20, answer)).toEqual({ pass: true });
    expect(decide(room(HIGH, [LOW]), 20, { type: 'announce', from: LOW })).toEqual({ pass: true });
  });

  it('drops answers and candidates from a peer it has no connection to', () => {
    // y-webrtc would make a connection for a candidate that never gets an offer (the stuck
    // half of a glare), and throw on an answer.
    const candidate = { type: 'signal', from: LOW, to: HIGH, signal: { candidate: {} } };
    expect(decide(room(HIGH), 20, candidate)).toEqual({ pass: false, reply: null });
    const answer = { type: 'signal', from: LOW, to: HIGH, signal: { type: 'answer' } };
    expect(decide(room(HIGH), 20, answer)).toEqual({ pass: false, reply: null });
  });

  it('leaves alone what it cannot or need not read', () => {
    expect(decide(room(HIGH, [], 'key'), 20, 'ciphertext')).toEqual({ pass: true });
    expect(decide(room(HIGH), 20, null)).toEqual({ pass: true });
    expect(decide(room(HIGH), 20, { type: 'announce', from: HIGH })).toEqual({ pass: true });
    expect(decide(room(HIGH), 20, { type: 'announce', from: LOW, to: 'else' })).toEqual({
      pass: true,
    });
  });
});

/** A signaling client as y-webrtc's SignalingConn: emit() calls its handlers, send() records. */
class FakeClient implements SignalingClient {
  readonly sent: unknown[] = [];
  readonly received: unknown[] = [];
  send(message: unknown): void {
    this.sent.push(message);
  }
  emit(name: string, args: unknown[]): void {
    if (name === 'message') this.received.push(args[0]);
  }
}

class FakeProvider implements RuleProvider {
  room: RuleRoom;
  maxConns = 20;
  signalingConns: FakeClient[] = [new FakeClient()];
  destroyed = false;
  constructor(peerId: string) {
    this.room = room(peerId);
  }
  connect(): void {
    this.signalingConns.push(new FakeClient());
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function publish(data: unknown) {
  return { type: 'publish', topic: 'ws-1', data };
}

describe('two peers announcing at the same moment', () => {
  it('end with exactly one of them opening the connection', () => {
    const low = new FakeProvider(LOW);
    const high = new FakeProvider(HIGH);
    installInitiatorRule(low);
    installInitiatorRule(high);
    const [lowClient, highClient] = [low.signalingConns[0], high.signalingConns[0]] as [
      FakeClient,
      FakeClient,
    ];
    // Each receives the other's announce before its own connection exists: the glare case.
    lowClient.emit('message', [publish({ type: 'announce', from: HIGH })]);
    highClient.emit('message', [publish({ type: 'announce', from: LOW })]);
    // y-webrtc makes an initiating connection for every announce it is handed.
    expect(lowClient.received).toHaveLength(1);
    expect(highClient.received).toHaveLength(0);
    // The higher peer asked the lower one to open; that arrives while it opens anyway.
    expect(highClient.sent).toEqual([publish({ type: 'announce', from: HIGH, to: LOW })]);
    (low.room.webrtcConns as Map<string, unknown>).set(HIGH, {});
    lowClient.emit('message', [publish({ type: 'announce', from: HIGH, to: LOW })]);
    expect(lowClient.sent).toEqual([]);
  });

  it('rules signaling connections opened later, and forgets a destroyed provider', () => {
    const provider = new FakeProvider(HIGH);
    installInitiatorRule(provider);
    installInitiatorRule(provider); // idempotent: one reply per announce, not two
    provider.connect();
    const later = provider.signalingConns[1] as FakeClient;
    later.emit('message', [publish({ type: 'announce', from: LOW })]);
    expect(later.received).toEqual([]);
    expect(later.sent).toHaveLength(1);
    provider.destroy();
    expect(provider.destroyed).toBe(true);
    later.emit('message', [publish({ type: 'announce', from: LOW })]);
    expect(later.received).toHaveLength(1);
    // Other events pass untouched.
    later.emit('connect', [{ type: 'connect' }]);
    expect(later.received).toHaveLength(1);
  });
});

describe('on a real y-webrtc provider', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('keeps y-webrtc from opening to a peer that should open, and tells that peer', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const fromClient: Record<string, unknown>[] = [];
    const connected = new Promise<WebSocket>((resolve) =>
      server.on('connection', (socket) => {
        socket.on('message', (data) => fromClient.push(JSON.parse(String(data))));
        resolve(socket);
      }),
    );
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    cleanups.push(() => {
      globalThis.WebSocket = previous;
    });
    const { WebrtcProvider } = await import('y-webrtc');
    const doc = new Y.Doc();
    const provider = new WebrtcProvider('ws-1', doc, {
      signaling: [`ws://127.0.0.1:${(server.address() as AddressInfo).port}`],
      peerOpts: { config: { iceServers: [] } },
    });
    cleanups.push(() => {
      provider.disconnect();
      provider.destroy();
      doc.destroy();
    });
    installInitiatorRule(provider);
    const socket = await connected;
    await waitFor('room open', () => provider.room !== null);
    const self = provider.room?.peerId as string;
    // A peer id below every uuid: that peer opens, this one must not.
    const lower = '0';
    socket.send(JSON.stringify(publish({ type: 'announce', from: lower })));
    // A stray candidate from it: unmodified y-webrtc would make a connection for it.
    socket.send(
      JSON.stringify(
        publish({
          type: 'signal',
          from: lower,
          to: self,
          signal: { candidate: { candidate: '' } },
        }),
      ),
    );
    await waitFor('the directed announce', () =>
      fromClient.some((message) => (message.data as { to?: string } | undefined)?.to === lower),
    );
    expect(fromClient).toContainEqual(publish({ type: 'announce', from: self, to: lower }));
    expect(provider.room?.webrtcConns.size).toBe(0);
  });
});
