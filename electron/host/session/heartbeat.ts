// Drops connections whose other end is gone without saying so (a laptop that sleeps or
// leaves the Wi-Fi): every interval each socket is pinged, and one that has not answered
// since the previous ping (no pong, no message) is destroyed.
import type { HostConnection } from './hostConnection';

export function startHeartbeat(
  intervalMs: number,
  connections: () => Iterable<HostConnection>,
): () => void {
  const timer = setInterval(() => {
    for (const connection of connections()) {
      if (!connection.alive) {
        connection.terminate(`no answer to ping within ${intervalMs} ms`);
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        connection.terminate('ping failed');
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
