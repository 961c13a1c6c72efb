// The stalled-peer watchdog: a direct connection that has not connected within
// PEER_CONNECT_TIMEOUT_MS is destroyed (y-webrtc then forgets it and announces again, so the
// pair gets a fresh handshake); connections that connect in time, or are closing anyway,
// are left alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PEER_CONNECT_TIMEOUT_MS,
  PEER_WATCHDOG_INTERVAL_MS,
  watchStalledPeers,
  type WatchedConn,
} from '../../../renderer/sync/stalledPeerWatchdog';

class FakeConn implements WatchedConn {
  connected = false;
  closed = false;
  destroyed = 0;
  destroy(): void {
    this.destroyed++;
    this.closed = true;
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('stalled direct connections', () => {
  it('are dropped once they have not connected for the timeout, and only those', () => {
    const stuck = new FakeConn();
    const slow = new FakeConn();
    const fine = new FakeConn();
    fine.connected = true;
    const conns = new Map<string, FakeConn>([
      ['stuck', stuck],
      ['slow', slow],
      ['fine', fine],
    ]);
    const dropped: string[] = [];
    const stop = watchStalledPeers(
      { room: { webrtcConns: conns } },
      { onDrop: (id) => dropped.push(id) },
    );
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS / 2);
    slow.connected = true; // connected within the time: never touched
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS / 2 - PEER_WATCHDOG_INTERVAL_MS);
    expect(stuck.destroyed).toBe(0);
    vi.advanceTimersByTime(2 * PEER_WATCHDOG_INTERVAL_MS);
    expect(dropped).toEqual(['stuck']);
    expect([stuck.destroyed, slow.destroyed, fine.destroyed]).toEqual([1, 0, 0]);
    // y-webrtc removes a closed connection; until then it is not destroyed twice.
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS * 2);
    expect(stuck.destroyed).toBe(1);
    stop();
  });

  it('measure each connection from when it appears, and stop when asked', () => {
    const conns = new Map<string, FakeConn>();
    const stop = watchStalledPeers({ room: { webrtcConns: conns } });
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS * 3);
    const late = new FakeConn();
    conns.set('late', late);
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS - PEER_WATCHDOG_INTERVAL_MS);
    expect(late.destroyed).toBe(0);
    stop();
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS * 3);
    expect(late.destroyed).toBe(0);
  });

  it('wait for the room y-webrtc opens asynchronously', () => {
    const provider: { room: { webrtcConns: Map<string, FakeConn> } | null } = { room: null };
    const stop = watchStalledPeers(provider);
    vi.advanceTimersByTime(PEER_WATCHDOG_INTERVAL_MS * 3);
    const conn = new FakeConn();
    provider.room = { webrtcConns: new Map([['peer', conn]]) };
    vi.advanceTimersByTime(PEER_CONNECT_TIMEOUT_MS + 2 * PEER_WATCHDOG_INTERVAL_MS);
    expect(conn.destroyed).toBe(1);
    stop();
  });
});
