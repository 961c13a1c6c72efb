// Drops a direct peer connection that has not connected in time, so that it is tried again.
// y-webrtc keeps a connection that never connects forever (a lost offer or answer while the
// signaling socket reconnected, a failed negotiation after glare), and a peer it has a
// connection to, connected or not, is never tried again. Destroying the stalled connection
// makes y-webrtc forget it and announce itself again; with the initiator rule
// (peerInitiatorRule.ts) the pair then starts one fresh handshake. The relay keeps the
// pair in sync meanwhile, so this only restores the fast direct path.

/**
 * Two peers on a LAN connect within a second (measured on loopback: 0.4–0.8 s; five peers
 * joining at once 0.3–0.8 s, up to 7 s on a heavily loaded 2-core machine); a handshake still
 * going after this long is not going to finish. The relay carries the pair meanwhile.
 */
export const PEER_CONNECT_TIMEOUT_MS = 20_000;
export const PEER_WATCHDOG_INTERVAL_MS = 1_000;

/** What the watchdog reads of y-webrtc's WebrtcConn. */
export interface WatchedConn {
  readonly connected: boolean;
  readonly closed: boolean;
  destroy(): void;
}

export interface WatchedProvider {
  readonly room: { readonly webrtcConns: ReadonlyMap<string, WatchedConn> } | null;
}

export interface WatchdogOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly now?: () => number;
  /** Told about every connection dropped (for tests and diagnostics). */
  readonly onDrop?: (remotePeerId: string) => void;
}

/** Starts watching; returns a function that stops it. */
export function watchStalledPeers(
  provider: WatchedProvider,
  options: WatchdogOptions = {},
): () => void {
  const timeoutMs = options.timeoutMs ?? PEER_CONNECT_TIMEOUT_MS;
  const now = options.now ?? (() => Date.now());
  const firstSeen = new WeakMap<WatchedConn, number>();
  const check = (): void => {
    const at = now();
    provider.room?.webrtcConns.forEach((conn, remotePeerId) => {
      if (conn.connected || conn.closed) return;
      const since = firstSeen.get(conn);
      if (since === undefined) firstSeen.set(conn, at);
      else if (at - since >= timeoutMs) {
        firstSeen.delete(conn);
        options.onDrop?.(remotePeerId);
        conn.destroy();
      }
    });
  };
  const timer = setInterval(check, options.intervalMs ?? PEER_WATCHDOG_INTERVAL_MS);
  return () => clearInterval(timer);
}
