// Connects an open workshop to its session: the relay (y-websocket protocol, the
// host keeps a replica) and direct peers (y-webrtc, no STUN/TURN in the room),
// both serving the one document and sharing one awareness for presence. The
// document was loaded from the local database first, so every edit is on this
// device before it goes anywhere, and nothing is lost while offline.
import { WebsocketProvider } from 'y-websocket';
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import type { PingSample } from '../../shared/facilitation/clockSync';
import { JOIN_CODE_PARAM } from '../../shared/sync/paths';
import { sampleHostClock } from './sampleHostClock';
import { installChunking } from './chunkedPeerMessages';
import { relayServerUrl, toWebSocketUrl, type SessionLink } from './sessionLink';

/** y-webrtc's own default is 20–34 peers; the relay keeps everyone else in sync. */
export const MAX_DIRECT_PEERS = 20;
export const RELAY_MAX_BACKOFF_MS = 5_000;
/** y-webrtc announces peers when it starts connecting, not when they connect: recount. */
export const DIRECT_PEER_RECOUNT_MS = 1_000;
export const PRESENCE_COLORS = ['#0b5cad', '#a4161a', '#1d6b35', '#8a4b00', '#6b2c91', '#00656b'];

export type RelayState = 'connected' | 'connecting' | 'offline';

export interface Participant {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly editing: string | null;
  readonly isSelf: boolean;
}

export interface ConnectionStatus {
  readonly relay: RelayState;
  readonly synced: boolean;
  readonly directPeers: number;
  readonly participants: readonly Participant[];
  readonly refused: boolean;
}

export interface ConnectOptions {
  readonly workshopId: string;
  readonly link: SessionLink;
  readonly name: string;
  /** Clock pings to the host, for the shared timer. */
  readonly onClockSample?: (sample: PingSample) => void;
}

export class SessionConnection {
  private readonly relay: WebsocketProvider;
  private readonly direct: WebrtcProvider | null;
  private status: ConnectionStatus = {
    relay: 'connecting',
    synced: false,
    directPeers: 0,
    participants: [],
    refused: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly recount: ReturnType<typeof setInterval> | null;
  private readonly stopClock: () => void;

  constructor(doc: Y.Doc, options: ConnectOptions) {
    const { link, workshopId, name } = options;
    this.relay = new WebsocketProvider(relayServerUrl(link, workshopId), workshopId, doc, {
      params: { [JOIN_CODE_PARAM]: link.code },
      maxBackoffTime: RELAY_MAX_BACKOFF_MS,
    });
    const awareness = this.relay.awareness;
    awareness.setLocalState({
      name,
      color: PRESENCE_COLORS[doc.clientID % PRESENCE_COLORS.length],
      editing: null,
    });
    this.direct = createDirectPeers(doc, workshopId, link, awareness);
    if (this.direct) installChunking(this.direct); // no message over 64 KiB on a data channel
    this.relay.on('status', ({ status }) =>
      this.update({ relay: status === 'disconnected' ? 'offline' : status }),
    );
    this.relay.on('sync', (synced: boolean) => this.update({ synced }));
    this.relay.on('closed', () => this.update({ refused: true, relay: 'offline' }));
    awareness.on('change', () => this.update({ participants: this.readParticipants() }));
    const recount = () => {
      const directPeers = this.countDirectPeers();
      if (directPeers !== this.status.directPeers) this.update({ directPeers });
    };
    this.direct?.on('peers', recount);
    this.recount = this.direct ? setInterval(recount, DIRECT_PEER_RECOUNT_MS) : null;
    this.stopClock = sampleHostClock(link, (sample) => options.onClockSample?.(sample));
    this.update({ participants: this.readParticipants() });
  }

  getStatus = (): ConnectionStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Renames this participant for the others. */
  setName(name: string): void {
    this.relay.awareness.setLocalStateField('name', name);
  }

  /** Tells the others which card this user is editing (null: none). */
  setEditing(cardId: string | null): void {
    this.relay.awareness.setLocalStateField('editing', cardId);
  }

  destroy(): void {
    this.stopClock();
    if (this.recount) clearInterval(this.recount);
    this.direct?.destroy();
    this.relay.destroy();
    this.listeners.clear();
  }

  private readParticipants(): Participant[] {
    const self = this.relay.awareness.clientID;
    const participants: Participant[] = [];
    this.relay.awareness.getStates().forEach((state, clientId) => {
      if (typeof state.name !== 'string') return;
      participants.push({
        clientId,
        name: state.name.slice(0, 80),
        color:
          typeof state.color === 'string' && /^#[0-9a-f]{6}$/i.test(state.color)
            ? state.color
            : '#4a525c',
        editing: typeof state.editing === 'string' ? state.editing : null,
        isSelf: clientId === self,
      });
    });
    return participants.sort(
      (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId,
    );
  }

  private countDirectPeers(): number {
    if (!this.direct?.room) return 0;
    let connected = 0;
    this.direct.room.webrtcConns.forEach((conn) => {
      if (conn.connected) connected++;
    });
    return connected;
  }

  private update(change: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of Array.from(this.listeners)) listener();
  }
}

function createDirectPeers(
  doc: Y.Doc,
  workshopId: string,
  link: SessionLink,
  awareness: WebsocketProvider['awareness'],
): WebrtcProvider | null {
  // WebRTC needs RTCPeerConnection; without it the relay alone keeps the room in sync.
  if (typeof RTCPeerConnection === 'undefined') return null;
  const signaling = new URL(toWebSocketUrl(link.baseUrl, link.signalingPath));
  signaling.searchParams.set(JOIN_CODE_PARAM, link.code);
  try {
    return new WebrtcProvider(workshopId, doc, {
      signaling: [signaling.toString()],
      awareness,
      maxConns: MAX_DIRECT_PEERS,
      filterBcConns: true,
      peerOpts: { config: { iceServers: [] } },
    });
  } catch (error) {
    console.warn('Direct peer connections unavailable; using the relay only.', error);
    return null;
  }
}
