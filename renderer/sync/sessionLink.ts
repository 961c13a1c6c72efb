// Where a workshop syncs: the session host's address and the join code. Stored
// with the workshop on this device so that reopening it reconnects by itself.
// Paths and the code's URL parameter come from shared/sync, which the host uses too.

export interface SessionLink {
  /** The host's HTTP origin, e.g. http://192.168.0.10:4871 */
  readonly baseUrl: string;
  readonly code: string;
  /** This workshop's relay path as the host announced it: `/relay/<workshopId>`. */
  readonly relayPath: string;
  readonly signalingPath: string;
}

export function normaliseBaseUrl(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  return new URL(withScheme).origin;
}

export function toWebSocketUrl(baseUrl: string, path: string): string {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString().replace(/\/+$/, '');
}

/**
 * y-websocket appends the room name to its server URL, so the server URL is the
 * relay path without its last segment (the workshop id).
 */
export function relayServerUrl(link: SessionLink, workshopId: string): string {
  const suffix = `/${workshopId}`;
  const base = link.relayPath.endsWith(suffix)
    ? link.relayPath.slice(0, -suffix.length)
    : link.relayPath;
  return toWebSocketUrl(link.baseUrl, base || '/');
}
