// Tells a relay that cannot connect because the join code is no longer good from one that
// cannot reach the host. A browser's WebSocket does not see the HTTP status of a refused
// handshake (401 and "host down" both end as close code 1006), so y-websocket and y-webrtc
// would retry a replaced or revoked code forever. After a failed or dropped relay
// connection this asks the session API (which does answer 401) at most once per
// JOIN_CODE_CHECK_INTERVAL_MS; a wrong code while the relay is still not connected means
// the session will not take this laptop back, and the caller stops every retry.
// A relay that stays connected is never questioned: after a rotate, people already in stay.
import type { SessionInfoResult } from '../../shared/sync/fetchSessionInfo';

/** y-websocket retries at most every 5 s here (RELAY_MAX_BACKOFF_MS); every other attempt. */
export const JOIN_CODE_CHECK_INTERVAL_MS = 10_000;

/** What the check reads of y-websocket's WebsocketProvider. */
export interface CheckedRelay {
  readonly wsconnected: boolean;
  on(name: 'connection-close', listener: () => void): void;
  off(name: 'connection-close', listener: () => void): void;
}

export interface JoinCodeCheckOptions {
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** Starts checking; returns a function that stops it. */
export function checkJoinCodeOnFailure(
  relay: CheckedRelay,
  lookup: () => Promise<SessionInfoResult>,
  onWrongCode: () => void,
  options: JoinCodeCheckOptions = {},
): () => void {
  const intervalMs = options.intervalMs ?? JOIN_CODE_CHECK_INTERVAL_MS;
  const now = options.now ?? (() => Date.now());
  let stopped = false;
  let asking = false;
  let lastAskedAt = -Infinity;
  const onClose = (): void => {
    if (stopped || asking || now() - lastAskedAt < intervalMs) return;
    asking = true;
    lastAskedAt = now();
    lookup()
      .then((result) => {
        if (!stopped && !result.ok && result.reason === 'wrongCode' && !relay.wsconnected) {
          stopped = true;
          relay.off('connection-close', onClose);
          onWrongCode();
        }
      })
      .catch(() => {})
      .finally(() => {
        asking = false;
      });
  };
  relay.on('connection-close', onClose);
  return () => {
    stopped = true;
    relay.off('connection-close', onClose);
  };
}
