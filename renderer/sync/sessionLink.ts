// Where a workshop syncs: the session host's address and the join code. Stored
// with the workshop on this device so that reopening it reconnects by itself.

export interface SessionLink {
  /** The host's HTTP origin, e.g. http://192.168.0.10:4871 */
  readonly baseUrl: string;
  readonly code: string;
  readonly relayPath: string;
  readonly signalingPath: string;
}

/** What the host tells a client that has the right code. */
export interface SessionInfo {
  readonly workshopId: string;
  readonly title: string;
  readonly relayPath: string;
  readonly signalingPath: string;
}

export const CODE_PARAM = 'code';

export function normaliseBaseUrl(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  return url.origin;
}

export function toWebSocketUrl(baseUrl: string, path: string): string {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString().replace(/\/+$/, '');
}

export function isSessionInfo(value: unknown): value is SessionInfo {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.workshopId === 'string' &&
    /^[A-Za-z0-9_-]{1,64}$/.test(record.workshopId) &&
    typeof record.title === 'string' &&
    typeof record.relayPath === 'string' &&
    typeof record.signalingPath === 'string'
  );
}
