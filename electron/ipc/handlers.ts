// The main process's side of the IPC contract: one validated handler per channel.
// Arguments arrive from the renderer and are checked here as untrusted input.
import type {
  AppInfo,
  DiscoveredSession,
  IpcChannel,
  IpcContract,
} from '../../shared/ipc/contract';
import { isStartSessionRequest, type SessionController } from '../host/sessionController';
import { fetchSessionInfo } from '../../shared/sync/fetchSessionInfo';
import { normalizeFingerprint } from '../../shared/sync/certificateFingerprint';
import type { SessionLookup } from './pinnedSessionLookup';

export const MAX_WINDOW_TITLE_LENGTH = 200;
export const MAX_JOIN_CODE_INPUT_LENGTH = 32;

/** Only http(s) origins, nothing else (no file:, no credentials, no paths). */
export function isLookupAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.origin === value
    );
  } catch {
    return false;
  }
}

export interface HandlerDeps {
  readonly version: string;
  readonly platform: string;
  readonly locale: () => string;
  readonly setTitle: (title: string) => void;
  readonly sessions: SessionController;
  /** Checks an https host's certificate against the user's confirmation or a pin. */
  readonly lookupSession?: SessionLookup;
  /** LAN discovery (electron/host/discovery/sessionBrowser.ts). */
  readonly discovery: { list(): DiscoveredSession[] };
}

export type ArgsValidator<C extends IpcChannel> = (
  args: readonly unknown[],
) => args is Parameters<IpcContract[C]>;

export type HandlerRegistry = {
  readonly [C in IpcChannel]: {
    readonly validate: ArgsValidator<C>;
    /** May answer later: ipcMain.handle awaits a promise before replying. */
    readonly handle: (
      ...args: Parameters<IpcContract[C]>
    ) => ReturnType<IpcContract[C]> | Promise<ReturnType<IpcContract[C]>>;
  };
};

const noArgs = (args: readonly unknown[]): args is [] => args.length === 0;

export function createHandlers(deps: HandlerDeps): HandlerRegistry {
  return {
    'app:getInfo': {
      validate: noArgs,
      handle: (): AppInfo => ({
        version: deps.version,
        shell: 'desktop',
        platform: deps.platform,
        locale: deps.locale(),
      }),
    },
    'window:setTitle': {
      validate: (args): args is [string] =>
        args.length === 1 &&
        typeof args[0] === 'string' &&
        args[0].length <= MAX_WINDOW_TITLE_LENGTH,
      handle: (title: string) => deps.setTitle(title),
    },
    'session:interfaces': { validate: noArgs, handle: () => deps.sessions.interfaces() },
    'session:start': {
      validate: (args): args is Parameters<IpcContract['session:start']> =>
        args.length === 1 && isStartSessionRequest(args[0]),
      handle: (request) => deps.sessions.start(request),
    },
    'session:status': { validate: noArgs, handle: () => deps.sessions.status() },
    'session:rotateCode': { validate: noArgs, handle: () => deps.sessions.rotateCode() },
    'session:revokeCode': { validate: noArgs, handle: () => deps.sessions.revokeCode() },
    'session:stop': { validate: noArgs, handle: () => deps.sessions.stop() },
    'session:lookup': {
      validate: (args): args is [string, string, string?] =>
        (args.length === 2 || args.length === 3) &&
        typeof args[0] === 'string' &&
        isLookupAddress(args[0]) &&
        typeof args[1] === 'string' &&
        args[1].length <= MAX_JOIN_CODE_INPUT_LENGTH &&
        (args[2] === undefined ||
          (typeof args[2] === 'string' && normalizeFingerprint(args[2]) !== null)),
      handle: (baseUrl: string, code: string, fingerprint?: string) =>
        deps.lookupSession
          ? deps.lookupSession(baseUrl, code, fingerprint)
          : fetchSessionInfo(baseUrl, code),
    },
    'session:discover': { validate: noArgs, handle: () => deps.discovery.list() },
  };
}
