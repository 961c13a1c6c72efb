// The desktop app hosts at most one session at a time: this module starts it on
// the interface the facilitator picked, keeps the relay's replica in the user's
// data folder (so a restarted app keeps the room's board), and reports it in the
// shape the renderer shows. Plain Node, tested without Electron.
import path from 'node:path';
import type {
  HostedSession,
  HostInterfaceInfo,
  StartSessionRequest,
} from '../../shared/ipc/contract';
import { SIGNALING_PATH, WORKSHOP_ID_PATTERN, relayPathFor } from '../../shared/sync/paths';
import { ensureHostCertificate } from './session/certificate';
import { ipv4Interfaces } from './session/networkInterfaces';
import { startSessionHost, type SessionHost } from './session/sessionHost';

export const MAX_SESSION_TITLE_CHARS = 500;

export interface SessionControllerOptions {
  /** The built app served to browser participants. */
  readonly appRoot: string;
  /** Where replicas are kept, one file per workshop. */
  readonly dataDir: string;
  /** A fixed port makes the join address stable across restarts; 0 picks one. */
  readonly port?: number;
  readonly listInterfaces?: () => HostInterfaceInfo[];
  /** List the session on the room's network (mDNS, never the code); default true. */
  readonly announce?: boolean;
  /** Where the HTTPS certificate and its key are kept (default: dataDir). */
  readonly certificateDir?: string;
  /**
   * Told the address and fingerprint of this host's certificate before start() returns, so
   * that the desktop app's own connection to its session can trust exactly that certificate.
   */
  readonly onCertificate?: (address: string, fingerprint: string) => void;
  readonly log?: (message: string) => void;
}

export function isStartSessionRequest(value: unknown): value is StartSessionRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return (
    typeof request.workshopId === 'string' &&
    WORKSHOP_ID_PATTERN.test(request.workshopId) &&
    typeof request.title === 'string' &&
    request.title.length <= MAX_SESSION_TITLE_CHARS &&
    typeof request.address === 'string' &&
    request.address.length <= 64 &&
    (request.https === undefined || typeof request.https === 'boolean')
  );
}

export class SessionController {
  private host: SessionHost | null = null;

  constructor(private readonly options: SessionControllerOptions) {}

  interfaces(): HostInterfaceInfo[] {
    return (this.options.listInterfaces ?? ipv4Interfaces)();
  }

  async start(request: StartSessionRequest): Promise<HostedSession> {
    const offered = this.interfaces().some((candidate) => candidate.address === request.address);
    if (!offered) throw new Error(`${request.address} is not an interface of this computer`);
    await this.stop();
    const tls = request.https
      ? await ensureHostCertificate({
          dir: this.options.certificateDir ?? this.options.dataDir,
          addresses: [request.address],
          log: this.options.log,
        })
      : undefined;
    if (tls) this.options.onCertificate?.(request.address, tls.fingerprint);
    this.host = await startSessionHost({
      host: request.address,
      port: this.options.port ?? 0,
      appRoot: this.options.appRoot,
      workshopId: request.workshopId,
      title: request.title,
      dataFile: path.join(this.options.dataDir, `${request.workshopId}.ydoc`),
      log: this.options.log,
      tls,
      announce: this.options.announce ?? true,
    });
    return this.describe(this.host);
  }

  status(): HostedSession | null {
    return this.host ? this.describe(this.host) : null;
  }

  rotateCode(): HostedSession | null {
    this.host?.rotateCode();
    return this.status();
  }

  revokeCode(): HostedSession | null {
    this.host?.revokeCode();
    return this.status();
  }

  async stop(): Promise<void> {
    const host = this.host;
    this.host = null;
    await host?.close();
  }

  private describe(host: SessionHost): HostedSession {
    return {
      workshopId: host.workshopId,
      url: host.url,
      localUrl: host.url,
      code: host.code,
      relayPath: relayPathFor(host.workshopId),
      signalingPath: SIGNALING_PATH,
      connections: host.connections().length,
      certificateFingerprint: host.certificateFingerprint,
    };
  }
}
