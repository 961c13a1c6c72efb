// The relay: the host's own replica of the workshop, synced with every relay connection
// over the y-websocket protocol (y-protocols sync + awareness, binary frames), so that an
// unmodified y-websocket client can join and everybody stays in sync when WebRTC cannot
// reach everyone. It behaves like @y/websocket-server's setupWSConnection — sync step 1 and
// the awareness states on connect, step 2 on request, updates to the other connections,
// awareness updates to all connections including the sender (y-websocket's liveness check
// counts on that echo) — with three differences that are the reason it exists:
// - every frame is decoded completely before anything is applied: a malformed or truncated
//   update closes the sender's socket and leaves the replica untouched (Yjs applies the
//   decodable part of a truncated update before it throws);
// - the replica and awareness belong to this host object, not to a module-wide map, and no
//   environment variable can make it persist or POST the document anywhere;
// - an awareness flood (many fake client states) is refused.
// See docs/sync.md for the measurements behind this choice.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** y-websocket's auth and query-awareness messages; the reference server ignores both. */
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

export interface RelayPeer {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** The awareness client ids this peer speaks for (kept up to date by the room). */
  readonly awarenessClientIds: Set<number>;
}

export interface RelayRoomOptions {
  readonly maxAwarenessClientsPerPeer: number;
  /** Called when some peer's awareness client ids changed (joined, left, timed out). */
  readonly onAwarenessPeersChanged?: () => void;
}

class MalformedFrame extends Error {}

interface AwarenessEntry {
  readonly clientID: number;
  readonly clock: number;
  readonly state: unknown;
}

/** Decodes an awareness update completely (throws if it is not one) without applying it. */
function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({
      clientID,
      clock,
      state: JSON.parse(decoding.readVarString(decoder)) as unknown,
    });
  }
  return entries;
}

export class RelayRoom {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RelayPeer>();

  constructor(
    readonly doc: Y.Doc,
    private readonly options: RelayRoomOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  peerCount(): number {
    return this.peers.size;
  }

  join(peer: RelayPeer): void {
    this.peers.add(peer);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    peer.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(this.awarenessMessage([...states.keys()]));
    }
  }

  leave(peer: RelayPeer): void {
    if (!this.peers.delete(peer)) return;
    const ids = [...peer.awarenessClientIds];
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  receive(peer: RelayPeer, data: Uint8Array, isBinary: boolean): void {
    if (!this.peers.has(peer)) return;
    if (!isBinary) {
      peer.close(SESSION_CLOSE_CODES.malformed, 'relay frames are binary');
      return;
    }
    try {
      this.handle(peer, data);
    } catch (error) {
      const reason = error instanceof MalformedFrame ? error.message : 'malformed frame';
      peer.close(SESSION_CLOSE_CODES.malformed, reason);
    }
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.peers.clear();
  }

  private handle(peer: RelayPeer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload); // throws if it is not a state vector
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeSyncStep2(encoder, this.doc, payload);
          peer.send(encoding.toUint8Array(encoder));
        } else if (
          syncType === syncProtocol.messageYjsSyncStep2 ||
          syncType === syncProtocol.messageYjsUpdate
        ) {
          Y.decodeUpdate(payload); // throws if it is not a complete update
          Y.applyUpdate(this.doc, payload, peer);
        } else {
          throw new MalformedFrame('unknown sync message');
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        const entries = parseAwarenessUpdate(update);
        // Count only states this frame would add or advance: an unmodified y-websocket
        // client echoes every state it knows after a reconnect, and those echoes change
        // nothing here, so they must not count against its limit.
        const newIds = new Set(
          entries
            .filter(
              (entry) =>
                entry.state !== null &&
                !peer.awarenessClientIds.has(entry.clientID) &&
                entry.clock > (this.awareness.meta.get(entry.clientID)?.clock ?? -1),
            )
            .map((entry) => entry.clientID),
        );
        if (peer.awarenessClientIds.size + newIds.size > this.options.maxAwarenessClientsPerPeer) {
          peer.close(SESSION_CLOSE_CODES.policyViolation, 'too many awareness states');
          return;
        }
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
        return;
      }
      case MESSAGE_AUTH:
      case MESSAGE_QUERY_AWARENESS:
        return;
      default:
        throw new MalformedFrame('unknown message type');
    }
  }

  private awarenessMessage(clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds),
    );
    return encoding.toUint8Array(encoder);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.peers.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    let peersChanged = false;
    const source = this.peers.has(origin as RelayPeer) ? (origin as RelayPeer) : null;
    if (source) {
      for (const id of [...changes.added, ...changes.updated]) {
        if (this.awareness.states.has(id) && !source.awarenessClientIds.has(id)) {
          source.awarenessClientIds.add(id);
          peersChanged = true;
        }
      }
    }
    for (const id of changes.removed) {
      for (const peer of this.peers)
        peersChanged = peer.awarenessClientIds.delete(id) || peersChanged;
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length > 0 && this.peers.size > 0) {
      const message = this.awarenessMessage(changed);
      for (const peer of this.peers) peer.send(message);
    }
    if (peersChanged) this.options.onAwarenessPeersChanged?.();
  };
}
