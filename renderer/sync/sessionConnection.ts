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
import { desktopBridge } from '../platform/shell';
import { sampleHostClock } from './sampleHostClock';
import { installChunking } from './chunkedPeerMessages';
import { checkJoinCodeOnFailure } from './joinCodeCheck';
import { lookupSession } from './lookupSession';
import { installInitiatorRule } from './peerInitiatorRule';
import { watchStalledPeers } from './stalledPeerWatchdog';
import { relayServerUrl, toWebSocketUrl, type SessionLink } from './sessionLink';

/** y-webrtc's own default is 20–34 peers; the relay keeps everyone else in sync. */
export const MAX_DIRECT_PEERS = 20;
export const RELAY_MAX_BACKOFF_MS = 5_000;
/** y-webrtc announces peers when it starts connecting, not when they connect: recount. */
export const DIRECT_PEER_RECOUNT_MS = 1_000;
/** How often the desktop app asks an https host again before connecting (host not up yet). */
export const CERTIFICATE_CHECK_RETRY_MS = 5_000;
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
  /**
   * Desktop app, https host: its certificate is not the one confirmed for this address (it
   * changed, or was never confirmed). Nothing connects until somebody joins again and checks.
   */
  readonly certificateUnconfirmed: boolean;
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
  private direct: WebrtcProvider | null = null;
  private status: ConnectionStatus = {
    relay: 'connecting',
    synced: false,
    directPeers: 0,
    participants: [],
    refused: false,
    certificateUnconfirmed: false,
  };
  private readonly listeners = new Set<() => void>();
  private recount: ReturnType<typeof setInterval> | null = null;
  private readonly stopClock: () => void;
  private readonly stopCodeCheck: () => void;
  private stopWatchdog: (() => void) | null = null;
  private destroyed = false;
  private certificateRetry: ReturnType<typeof setTimeout> | null = null;

  constructor(doc: Y.Doc, options: ConnectOptions) {
    const { link, workshopId, name } = options;
    const checkFirst = needsCertificateCheck(link);
    this.relay = new WebsocketProvider(relayServerUrl(link, workshopId), workshopId, doc, {
      params: { [JOIN_CODE_PARAM]: link.code },
      maxBackoffTime: RELAY_MAX_BACKOFF_MS,
      connect: !checkFirst,
    });
    const awareness = this.relay.awareness;
    awareness.setLocalState({
      name,
      color: PRESENCE_COLORS[doc.clientID % PRESENCE_COLORS.length],
      editing: null,
    });
    this.relay.on('status', ({ status }) => {
      // y-websocket says "connecting" at every retry: while they fail, this laptop is offline.
      if (status === 'connecting' && this.status.relay === 'offline') return;
      this.update({ relay: status === 'disconnected' ? 'offline' : status });
    });
    this.relay.on('connection-close', () => {
      if (this.status.relay !== 'offline') this.update({ relay: 'offline' });
    });
    this.relay.on('sync', (synced: boolean) => this.update({ synced }));
    // 4400–4499 (the code was revoked): y-websocket stops; so must signaling and direct peers.
    this.relay.on('closed', () => this.refuse());
    this.stopCodeCheck = checkJoinCodeOnFailure(
      this.relay,
      () => lookupSession(link),
      () => this.refuse(),
    );
    awareness.on('change', () => this.update({ participants: this.readParticipants() }));
    const connect = () => {
      this.relay.connect();
      this.startDirectPeers(doc, workshopId, link);
    };
    if (checkFirst) this.checkCertificateThen(link, connect);
    else this.startDirectPeers(doc, workshopId, link);
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
    this.destroyed = true;
    if (this.certificateRetry) clearTimeout(this.certificateRetry);
    this.stopClock();
    this.stopCodeCheck();
    this.stopDirectPeers();
    this.relay.destroy();
    this.listeners.clear();
  }

  /** The session will not take this laptop back (code revoked or replaced): stop retrying. */
  private refuse(): void {
    this.stopCodeCheck();
    this.stopClock();
    this.relay.disconnect();
    this.stopDirectPeers();
    this.update({ refused: true, relay: 'offline', directPeers: 0 });
  }

  private stopDirectPeers(): void {
    this.stopWatchdog?.();
    this.stopWatchdog = null;
    if (this.recount) clearInterval(this.recount);
    this.recount = null;
    // y-webrtc's destroy() alone leaves the signaling socket open, reconnecting forever.
    this.direct?.disconnect();
    this.direct?.destroy();
    this.direct = null;
  }

  private startDirectPeers(doc: Y.Doc, workshopId: string, link: SessionLink): void {
    this.direct = createDirectPeers(doc, workshopId, link, this.relay.awareness);
    if (!this.direct) return;
    installChunking(this.direct); // no message over 64 KiB on a data channel
    installInitiatorRule(this.direct); // one side offers, even when both join at once
    this.stopWatchdog = watchStalledPeers(this.direct);
    const recount = () => {
      const directPeers = this.countDirectPeers();
      if (directPeers !== this.status.directPeers) this.update({ directPeers });
    };
    this.direct.on('peers', recount);
    this.recount = setInterval(recount, DIRECT_PEER_RECOUNT_MS);
  }

  /**
   * Chromium remembers a refused certificate for the rest of the app's run, so the desktop
   * app lets its main process check an https host's certificate against the pin for that
   * address before the page opens any connection there (see electron/security/certificatePins.ts).
   */
  private checkCertificateThen(link: SessionLink, connect: () => void): void {
    const bridge = desktopBridge();
    if (!bridge) return connect();
    const attempt = () => {
      this.certificateRetry = null;
      bridge['session:lookup'](link.baseUrl, link.code).then(
        (result) => {
          if (this.destroyed) return;
          if (result.ok) connect();
          else if (result.reason === 'certificateUnconfirmed') {
            this.update({ certificateUnconfirmed: true, relay: 'offline' });
          } else if (result.reason === 'wrongCode') this.refuse();
          else this.certificateRetry = setTimeout(attempt, CERTIFICATE_CHECK_RETRY_MS);
        },
        () => {
          if (!this.destroyed)
            this.certificateRetry = setTimeout(attempt, CERTIFICATE_CHECK_RETRY_MS);
        },
      );
    };
    attempt();
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

/** Only the desktop app checks certificates itself; a browser does that with its own dialog. */
function needsCertificateCheck(link: SessionLink): boolean {
  return link.baseUrl.startsWith('https:') && desktopBridge() !== null;
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
  // No y-webrtc `password`, also over HTTPS where crypto.subtle exists: data channels are
  // DTLS-encrypted end to end anyway, and with HTTPS the signaling (which carries their key
  // fingerprints) travels inside the host's TLS. A password could only come from the join
  // code, which the host knows and rotates: it would hide nothing from the host, and it
  // would split the room into separate y-webrtc rooms at every rotation and between
  // http and https participants. See docs/sync.md, "What is and is not encrypted".
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
