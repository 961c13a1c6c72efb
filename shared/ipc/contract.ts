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
  /** Asks a host on the LAN about its session (the page itself may not fetch from there). */
  'session:lookup': (baseUrl: string, code: string) => SessionInfoResult;
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
];

/** What the preload puts on `window.werkstatt`: one async function per channel. */
export type WerkstattBridge = {
  readonly [C in IpcChannel]: (
    ...args: Parameters<IpcContract[C]>
  ) => Promise<Awaited<ReturnType<IpcContract[C]>>>;
};
