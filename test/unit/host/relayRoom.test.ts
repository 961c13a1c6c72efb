// The relay's protocol handling without sockets: it speaks y-websocket's sync and awareness
// messages, never applies a frame it cannot decode completely (Yjs itself would apply the
// decodable part of a truncated update), and refuses awareness floods.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  RelayRoom,
  type RelayPeer,
} from '../../../electron/host/session/relayRoom';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import { seededRandom } from '../../support/seededRandom';

class FakePeer implements RelayPeer {
  readonly received: Uint8Array[] = [];
  readonly awarenessClientIds = new Set<number>();
  closedWith: number | null = null;
  send(data: Uint8Array): void {
    this.received.push(data);
  }
  close(code: number): void {
    this.closedWith = code;
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function messageTypes(peer: FakePeer): number[] {
  return peer.received.map((message) => decoding.readVarUint(decoding.createDecoder(message)));
}

function editedDoc(): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('board').insert(0, 'Breitband für alle Schulen');
  doc.getText('board').delete(0, 3);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

function newRoom(): { room: RelayRoom; doc: Y.Doc } {
  const doc = new Y.Doc();
  const room = new RelayRoom(doc, { maxAwarenessClientsPerPeer: 2 });
  return { room, doc };
}

describe('RelayRoom', () => {
  it('greets a joining peer with sync step 1, answers step 1 with step 2', () => {
    const { room, doc } = newRoom();
    doc.getText('board').insert(0, 'on the host');
    const peer = new FakePeer();
    room.join(peer);
    expect(messageTypes(peer)).toEqual([MESSAGE_SYNC]);
    room.receive(
      peer,
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
      true,
    );
    const reply = decoding.createDecoder(peer.received[1] as Uint8Array);
    expect(decoding.readVarUint(reply)).toBe(MESSAGE_SYNC);
    expect(decoding.readVarUint(reply)).toBe(syncProtocol.messageYjsSyncStep2);
    const client = new Y.Doc();
    Y.applyUpdate(client, decoding.readVarUint8Array(reply));
    expect(client.getText('board').toString()).toBe('on the host');
    room.destroy();
  });

  it("applies a peer's update and forwards it to the other peers only", () => {
    const { room, doc } = newRoom();
    const [a, b] = [new FakePeer(), new FakePeer()];
    room.join(a);
    room.join(b);
    const { update } = editedDoc();
    room.receive(a, syncMessage(syncProtocol.messageYjsUpdate, update), true);
    expect(doc.getText('board').toString()).toBe('itband für alle Schulen');
    expect(a.received).toHaveLength(1);
    expect(b.received).toHaveLength(2);
    expect(a.closedWith).toBeNull();
    room.destroy();
  });

  it('Yjs alone applies part of a truncated update; the relay applies none of it', () => {
    const { update } = editedDoc();
    const truncated = update.slice(0, update.length - 2);
    const plain = new Y.Doc();
    expect(() => Y.applyUpdate(plain, truncated)).toThrow();
    expect(plain.getText('board').toString()).not.toBe('');

    const { room, doc } = newRoom();
    const peer = new FakePeer();
    room.join(peer);
    room.receive(peer, syncMessage(syncProtocol.messageYjsUpdate, truncated), true);
    expect(peer.closedWith).toBe(SESSION_CLOSE_CODES.malformed);
    expect(doc.getText('board').toString()).toBe('');
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    room.destroy();
  });

  it('closes the sender of text frames, unknown types and undecodable frames; the replica stays', () => {
    const { room, doc } = newRoom();
    doc.getText('board').insert(0, 'kept');
    const before = Y.encodeStateAsUpdate(doc);
    const { update } = editedDoc();
    const frames: Array<[Uint8Array, boolean]> = [
      [new TextEncoder().encode('hello'), false],
      [new Uint8Array([]), true],
      [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), true],
      [new Uint8Array([9]), true],
      [new Uint8Array([MESSAGE_SYNC, 9, 0]), true],
      [new Uint8Array([MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 200, 1, 2]), true],
      [syncMessage(syncProtocol.messageYjsSyncStep2, update.slice(0, 20)), true],
      [syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([5, 1])), true],
      [awarenessMessage(new Uint8Array([1, 7, 1, 3, 0x7b, 0x7b, 0x7b])), true],
    ];
    for (const [data, isBinary] of frames) {
      const peer = new FakePeer();
      room.join(peer);
      room.receive(peer, data, isBinary);
      expect(peer.closedWith, Buffer.from(data).toString('hex')).toBe(
        SESSION_CLOSE_CODES.malformed,
      );
      room.leave(peer);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    room.destroy();
  });

  it('survives seeded random garbage without throwing or changing the replica', () => {
    const { room, doc } = newRoom();
    doc.getText('board').insert(0, 'kept');
    const before = Y.encodeStateAsUpdate(doc);
    const random = seededRandom(4242);
    let closed = 0;
    for (let round = 0; round < 2000; round++) {
      const length = 1 + Math.floor(random() * 64);
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      // Half of them look like sync or awareness messages, to get past the first byte.
      if (round % 2 === 0) bytes[0] = round % 4 === 0 ? MESSAGE_SYNC : MESSAGE_AWARENESS;
      const peer = new FakePeer();
      room.join(peer);
      expect(() => room.receive(peer, bytes, true)).not.toThrow();
      if (peer.closedWith !== null) closed++;
      room.leave(peer);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(closed).toBeGreaterThan(1900);
    room.destroy();
  });

  it('echoes awareness to every peer (y-websocket counts on it) and forgets a leaving peer', () => {
    const { room } = newRoom();
    const [a, b] = [new FakePeer(), new FakePeer()];
    room.join(a);
    room.join(b);
    const clientDoc = new Y.Doc();
    const clientAwareness = new awarenessProtocol.Awareness(clientDoc);
    clientAwareness.setLocalStateField('user', { name: 'Ada' });
    const update = awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientDoc.clientID]);
    room.receive(a, awarenessMessage(update), true);
    expect(messageTypes(a)).toEqual([MESSAGE_SYNC, MESSAGE_AWARENESS]);
    expect(messageTypes(b)).toEqual([MESSAGE_SYNC, MESSAGE_AWARENESS]);
    expect([...a.awarenessClientIds]).toEqual([clientDoc.clientID]);
    expect(room.awareness.getStates().get(clientDoc.clientID)).toEqual({ user: { name: 'Ada' } });
    room.leave(a);
    expect(room.awareness.getStates().has(clientDoc.clientID)).toBe(false);
    expect(messageTypes(b)).toEqual([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AWARENESS]);
    clientAwareness.destroy();
    room.destroy();
  });

  it('closes a peer that claims more awareness states than allowed', () => {
    const { room } = newRoom();
    const peer = new FakePeer();
    room.join(peer);
    // One awareness update speaking for three made-up clients (the limit here is two).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 3);
    for (const clientID of [101, 102, 103]) {
      encoding.writeVarUint(encoder, clientID);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify({ user: { name: `fake ${clientID}` } }));
    }
    room.receive(peer, awarenessMessage(encoding.toUint8Array(encoder)), true);
    expect(peer.closedWith).toBe(SESSION_CLOSE_CODES.policyViolation);
    expect(room.awareness.getStates().size).toBe(0);
    room.destroy();
  });

  it('does not count a reconnecting client’s echo of other people’s states against it', () => {
    const { room } = newRoom();
    const others = [new FakePeer(), new FakePeer(), new FakePeer()];
    const states: Uint8Array[] = [];
    for (const [index, other] of others.entries()) {
      room.join(other);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 200 + index);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify({ name: `Person ${index}` }));
      states.push(encoding.toUint8Array(encoder));
      room.receive(other, awarenessMessage(states[index] as Uint8Array), true);
    }
    // A client that comes back sends everything it knew, in one frame, plus its own state.
    const returning = new FakePeer();
    room.join(returning);
    const echo = encoding.createEncoder();
    encoding.writeVarUint(echo, 4);
    for (const index of [0, 1, 2]) {
      encoding.writeVarUint(echo, 200 + index);
      encoding.writeVarUint(echo, 1);
      encoding.writeVarString(echo, JSON.stringify({ name: `Person ${index}` }));
    }
    encoding.writeVarUint(echo, 300);
    encoding.writeVarUint(echo, 1);
    encoding.writeVarString(echo, JSON.stringify({ name: 'Zurück' }));
    room.receive(returning, awarenessMessage(encoding.toUint8Array(echo)), true);
    expect(returning.closedWith).toBeNull();
    expect([...returning.awarenessClientIds]).toEqual([300]);
    expect(room.awareness.getStates().size).toBe(4);
    room.destroy();
  });

  it('ignores auth and query-awareness messages, like the reference server', () => {
    const { room } = newRoom();
    const peer = new FakePeer();
    room.join(peer);
    room.receive(peer, new Uint8Array([2, 0]), true);
    room.receive(peer, new Uint8Array([3]), true);
    expect(peer.closedWith).toBeNull();
    expect(peer.received).toHaveLength(1);
    room.destroy();
  });
});
