// What `GET /api/session?code=…` returns to a client that holds the join code: enough to
// show the workshop's title and to open the signaling and relay connections.
import { WORKSHOP_ID_PATTERN } from './paths';

export interface SessionInfo {
  readonly workshopId: string;
  readonly title: string;
  /** Full path of this workshop's relay, `/relay/<workshopId>` (see RELAY_PATH). */
  readonly relayPath: string;
  /** Path of the y-webrtc signaling endpoint. */
  readonly signalingPath: string;
  /** The host's clock when it answered (ms), so that every laptop can show host time. */
  readonly hostTime?: number;
}

/** Checks what a host answered before the app trusts it (paths must be absolute). */
export function isSessionInfo(value: unknown): value is SessionInfo {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.workshopId === 'string' &&
    WORKSHOP_ID_PATTERN.test(record.workshopId) &&
    typeof record.title === 'string' &&
    typeof record.relayPath === 'string' &&
    record.relayPath.startsWith('/') &&
    typeof record.signalingPath === 'string' &&
    record.signalingPath.startsWith('/') &&
    (record.hostTime === undefined ||
      (typeof record.hostTime === 'number' && Number.isFinite(record.hostTime)))
  );
}
