// The signaling protocol of y-webrtc, as the host speaks it: subscribe/publish/ping like
// the reference server, but only the session's own topic, and malformed frames close the
// sender instead of throwing.
import { describe, expect, it } from 'vitest';
import { MAX_TOPICS_PER_MESSAGE } from '../../../electron/host/session/limits';
import { SignalingHub, type SignalingPeer } from '../../../electron/host/session/signalingHub';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';

class FakePeer implements SignalingPeer {
  readonly received: unknown[] = [];
  closedWith: number | null = null;
  send(data: string): void {
    this.received.push(JSON.parse(data));
  }
  close(code: number): void {
    this.closedWith = code;
  }
}

const TOPIC = 'workshop-1';

function frame(message: unknown): Buffer {
  return Buffer.from(JSON.stringify(message));
}

describe('SignalingHub', () => {
  it('forwards a publish to every subscriber of the topic, the sender included, with their count', () => {
    const hub = new SignalingHub(TOPIC);
    const [a, b, outsider] = [new FakePeer(), new FakePeer(), new FakePeer()];
    hub.receive(a, frame({ type: 'subscribe', topics: [TOPIC] }), false);
    hub.receive(b, frame({ type: 'subscribe', topics: [TOPIC] }), false);
    const data = { type: 'announce', from: 'peer-a' };
    hub.receive(a, frame({ type: 'publish', topic: TOPIC, data, extra: 'x'.repeat(10) }), false);
    const expected = { type: 'publish', topic: TOPIC, data, clients: 2 };
    expect(a.received).toEqual([expected]);
    expect(b.received).toEqual([expected]);
    expect(outsider.received).toEqual([]);
  });

  it('answers ping with pong', () => {
    const hub = new SignalingHub(TOPIC);
    const peer = new FakePeer();
    hub.receive(peer, frame({ type: 'ping' }), false);
    expect(peer.received).toEqual([{ type: 'pong' }]);
  });

  it('ignores other topics: no subscription, nothing relayed', () => {
    const hub = new SignalingHub(TOPIC);
    const [a, b] = [new FakePeer(), new FakePeer()];
    hub.receive(a, frame({ type: 'subscribe', topics: ['other-room', 42] }), false);
    expect(hub.subscriberCount()).toBe(0);
    hub.receive(b, frame({ type: 'subscribe', topics: ['other-room', TOPIC] }), false);
    hub.receive(a, frame({ type: 'publish', topic: 'other-room', data: {} }), false);
    expect(b.received).toEqual([]);
    expect(hub.subscriberCount()).toBe(1);
    expect(a.closedWith).toBeNull();
  });

  it('stops forwarding after unsubscribe and after the peer leaves', () => {
    const hub = new SignalingHub(TOPIC);
    const [a, b] = [new FakePeer(), new FakePeer()];
    hub.receive(a, frame({ type: 'subscribe', topics: [TOPIC] }), false);
    hub.receive(b, frame({ type: 'subscribe', topics: [TOPIC] }), false);
    hub.receive(b, frame({ type: 'unsubscribe', topics: [TOPIC] }), false);
    hub.leave(a);
    hub.receive(b, frame({ type: 'publish', topic: TOPIC, data: {} }), false);
    expect([a.received, b.received]).toEqual([[], []]);
    expect(hub.subscriberCount()).toBe(0);
  });

  it('closes the sender on binary, non-JSON, non-object or oversized topic lists', () => {
    const malformed: Array<[Buffer, boolean]> = [
      [Buffer.from([0, 1, 2, 255]), true],
      [frame({ type: 'ping' }), true],
      [Buffer.from('{"type":'), false],
      [Buffer.from('not json at all'), false],
      [frame(null), false],
      [frame([{ type: 'ping' }]), false],
      [frame({ type: 7 }), false],
      [frame({ topics: [TOPIC] }), false],
      [frame({ type: 'subscribe', topics: TOPIC }), false],
      [frame({ type: 'subscribe', topics: Array(MAX_TOPICS_PER_MESSAGE + 1).fill(TOPIC) }), false],
    ];
    for (const [data, isBinary] of malformed) {
      const hub = new SignalingHub(TOPIC);
      const peer = new FakePeer();
      hub.receive(peer, data, isBinary);
      expect(peer.closedWith, data.toString('hex')).toBe(SESSION_CLOSE_CODES.malformed);
      expect(hub.subscriberCount()).toBe(0);
    }
  });

  it('ignores unknown message types, like the reference server', () => {
    const hub = new SignalingHub(TOPIC);
    const peer = new FakePeer();
    hub.receive(peer, frame({ type: 'future-feature', topics: 'whatever' }), false);
    expect(peer.closedWith).toBeNull();
    expect(peer.received).toEqual([]);
  });
});
