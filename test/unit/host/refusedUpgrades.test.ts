// What a host does with a client that keeps knocking with a code that does not admit it,
// as y-webrtc's signaling client does (it cannot see the 401 and retries every ≤ 2.5 s).
// Wrong codes on /signal are throttled per address like everywhere (429 with Retry-After,
// the right code too while locked); every refusal is answered before any WebSocket
// handshake and the host closes the socket at once, so that a retry costs one short
// exchange and leaves nothing open. A revoked code is stale, not a guess: retries with it are
// refused without locking the address out of the next code (the app stops retrying by
// itself, see test/unit/sync/refusedCodeStopsRetries.test.ts).
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_JOIN_BURST, FAILED_JOIN_REFILL_MS } from '../../../electron/host/session/limits';
import { Resources, makeAppRoot, makeTempDir, removeDir, upgradeStatus } from './helpers';

/** Enough refusals to see a steady cost per retry. */
const REFUSALS = 300;
/** A refused socket is closed by the host right after its answer. */
const CLOSE_WITHIN_MS = 1_000;

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-refused-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

/** Sends a WebSocket upgrade over a raw socket; resolves with the status line and how long
 * until the host closed the socket. */
function knock(port: number, path: string): Promise<{ status: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the host kept a refused socket open for ${CLOSE_WITHIN_MS} ms`));
    }, CLOSE_WITHIN_MS);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({
        status: received.split('\r\n')[0] ?? '',
        closedAfterMs: performance.now() - started,
      });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n\r\n`,
    );
  });
}

describe('a client that keeps knocking on /signal', () => {
  it('with wrong codes is locked out (429, the right code too), each refusal closed at once', async () => {
    const host = await resources.host({ appRoot });
    for (let attempt = 0; attempt < FAILED_JOIN_BURST; attempt++) {
      expect((await knock(host.port, '/signal?code=22222222')).status).toBe(
        'HTTP/1.1 401 Unauthorized',
      );
    }
    const locked = await upgradeStatus(host.port, `/signal?code=${host.code}`);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(FAILED_JOIN_REFILL_MS / 1000);

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let slowest = 0;
    for (let attempt = 0; attempt < REFUSALS; attempt++) {
      const { status, closedAfterMs } = await knock(host.port, '/signal?code=22222222');
      expect(status).toBe('HTTP/1.1 429 Too Many Requests');
      slowest = Math.max(slowest, closedAfterMs);
    }
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `${REFUSALS} refused /signal upgrades: ${(elapsed / REFUSALS).toFixed(2)} ms each (round trip, client in the same process), ` +
        `${((cpu.user + cpu.system) / 1000 / REFUSALS).toFixed(2)} ms CPU each (host and client), slowest ${slowest.toFixed(1)} ms`,
    );
    expect(host.connections()).toEqual([]);
  });

  it('with a revoked code is refused every time without locking the address out', async () => {
    const host = await resources.host({ appRoot });
    const revoked = host.code as string;
    host.revokeCode();
    for (let attempt = 0; attempt < FAILED_JOIN_BURST * 3; attempt++) {
      expect((await knock(host.port, `/signal?code=${revoked}`)).status).toBe(
        'HTTP/1.1 401 Unauthorized',
      );
    }
    const next = host.rotateCode();
    expect((await upgradeStatus(host.port, `/signal?code=${next}`)).status).toBe(101);
  });
});
