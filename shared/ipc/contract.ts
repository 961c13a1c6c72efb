import type { SessionInfoResult } from '../sync/fetchSessionInfo';

// The one list of calls the renderer may make to the desktop shell. The main
// process implements exactly this interface, the preload exposes exactly these
// channels, and the renderer's `window.werkstatt` is typed from it.

export interface AppInfo {
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly platform: string;
  readonly locale: string;
}

/** A network interface the facilitator can host a session on. */
export interface HostInterfaceInfo {
  readonly name: string;
  readonly address: string;
  /** Loopback: reachable from this machine only. */
  readonly internal: boolean;
}

export interface StartSessionRequest {
  readonly workshopId: string;
  readonly title: string;
  /** The interface address to listen on (one of session:interfaces). */
  readonly address: string;
  /**
   * Serve HTTPS/WSS with a certificate this computer makes (browsers warn once); plain HTTP
   * when absent or false.
   */
  readonly https?: boolean;
}

/** The session this desktop app hosts, as the facilitator's UI shows it. */
export interface HostedSession {
  readonly workshopId: string;
  /** What participants open, e.g. http://192.168.0.10:4871 */
  readonly url: string;
  /** The same host as this machine reaches it (for the facilitator's own connection). */
  readonly localUrl: string;
  /** null after the code was revoked. */
  readonly code: string | null;
  readonly relayPath: string;
  readonly signalingPath: string;
  readonly connections: number;
  /** SHA-256 of the host's certificate (`AB:CD:…`) with HTTPS; null with plain HTTP. */
  readonly certificateFingerprint: string | null;
}

/** A session another computer announces on this network (mDNS), as the join screen lists it. */
export interface DiscoveredSession {
  readonly title: string;
  /** `http(s)://<private IPv4>:<port>`: what goes into the join screen's address field. */
  readonly baseUrl: string;
  /** The announcing computer's name on the network. */
  readonly hostName: string;
  /** When it last answered (ms since the epoch, this computer's clock). */
  readonly lastSeen: number;
}

export interface IpcContract {
  'app:getInfo': () => AppInfo;
  'window:setTitle': (title: string) => void;
  'session:interfaces': () => HostInterfaceInfo[];
  'session:start': (request: StartSessionRequest) => HostedSession;
  'session:status': () => HostedSession | null;
  'session:rotateCode': () => HostedSession | null;
  'session:revokeCode': () => HostedSession | null;
  'session:stop': () => void;
  /**
   * Asks a host on the LAN about its session (the page itself may not fetch from there).
   * An https host's certificate must have the given fingerprint, or the one this computer
   * trusted for that address before; otherwise the answer is `certificateUnconfirmed` and
   * the code is not sent. A fingerprint that matches is trusted from then on.
   */
  'session:lookup': (baseUrl: string, code: string, fingerprint?: string) => SessionInfoResult;
  /** Sessions found on the LAN so far; the first call starts listening. Never has a code. */
  'session:discover': () => DiscoveredSession[];
}

export type IpcChannel = keyof IpcContract;

export const IPC_CHANNELS: readonly IpcChannel[] = [
  'app:getInfo',
  'window:setTitle',
  'session:interfaces',
  'session:start',
  'session:status',
  'session:rotateCode',
  'session:revokeCode',
  'session:stop',
  'session:lookup',
  'session:discover',
];

/** What the preload puts on `window.werkstatt`: one async function per channel. */
export type WerkstattBridge = {
  readonly [C in IpcChannel]: (
    ...args: Parameters<IpcContract[C]>
  ) => Promise<Awaited<ReturnType<IpcContract[C]>>>;
};
