// Only people with the join code get in: the session API, signaling and the relay refuse a
// wrong or missing code with 401 before any WebSocket handshake and tell nothing about the
// workshop; wrong guesses are throttled per address; rotate and revoke act as documented.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateJoinCode } from '../../../electron/host/session/joinCode';
import { SECURITY_HEADERS } from '../../../electron/security/csp';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import { formatJoinCode } from '../../../shared/sync/joinCodeFormat';
import {
  INDEX_HTML,
  Resources,
  WORKSHOP_ID,
  closeEvent,
  getJson,
  makeAppRoot,
  makeTempDir,
  removeDir,
  upgradeStatus,
  waitFor,
} from './helpers';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-auth-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

/** A code that is certainly not the host's. */
function otherCode(code: string | null): string {
  let candidate = generateJoinCode();
  while (candidate === code) candidate = generateJoinCode();
  return candidate;
}

describe('join code on every endpoint', () => {
  it('refuses a missing or wrong code with 401 and no workshop data, accepts the right one', async () => {
    // Nine refusals below; the throttle (tested on its own) must not interfere here.
    const host = await resources.host({ appRoot, limits: { failedJoinBurst: 100 } });
    const code = host.code as string;
    const wrong = otherCode(code);
    for (const query of ['', '?code=', `?code=${wrong}`]) {
      const api = await getJson(host.port, `/api/session${query}`);
      expect(api.status, query).toBe(401);
      expect(JSON.stringify(api.body)).not.toContain(WORKSHOP_ID);
      expect(JSON.stringify(api.body)).not.toContain('Lindenau');
      expect((await upgradeStatus(host.port, `/signal${query}`)).status, query).toBe(401);
      expect((await upgradeStatus(host.port, `/relay/${WORKSHOP_ID}${query}`)).status).toBe(401);
    }
    const api = await getJson(host.port, `/api/session?code=${formatJoinCode(code).toLowerCase()}`);
    expect(api.status).toBe(200);
    expect(api.body).toEqual({
      workshopId: WORKSHOP_ID,
      title: 'Digitalstrategie Lindenau',
      relayPath: `/relay/${WORKSHOP_ID}`,
      signalingPath: '/signal',
      hostTime: expect.any(Number),
    });
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect((await upgradeStatus(host.port, `/signal?code=${code}`)).status).toBe(101);
    expect((await upgradeStatus(host.port, `/relay/${WORKSHOP_ID}?code=${code}`)).status).toBe(101);
  });

  it('checks the code before the workshop id, so that ids cannot be probed without it', async () => {
    const host = await resources.host({ appRoot });
    expect((await upgradeStatus(host.port, '/relay/some-other-workshop')).status).toBe(401);
    const withCode = await upgradeStatus(host.port, `/relay/some-other-workshop?code=${host.code}`);
    expect(withCode.status).toBe(404);
  });

  it('answers unknown paths with 404, plain GETs of socket paths with 426, and serves the app', async () => {
    const host = await resources.host({ appRoot });
    expect((await upgradeStatus(host.port, `/elsewhere?code=${host.code}`)).status).toBe(404);
    expect((await upgradeStatus(host.port, `/api/session?code=${host.code}`)).status).toBe(404);
    expect((await fetch(`${host.url}/api/other?code=${host.code}`)).status).toBe(404);
    expect((await fetch(`${host.url}/relay`)).status).toBe(404);
    expect((await fetch(`${host.url}/signal?code=${host.code}`)).status).toBe(426);
    expect((await fetch(`${host.url}/api/session`, { method: 'POST' })).status).toBe(405);
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(page.headers.get(name), name).toBe(value);
    }
    expect((await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses every join from an address that guessed too often (429), but not for stale codes', async () => {
    const host = await resources.host({
      appRoot,
      limits: { failedJoinBurst: 3, failedJoinRefillMs: 60_000 },
    });
    const first = host.code as string;
    const second = host.rotateCode();
    // A client still retrying with the replaced code is not guessing.
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await upgradeStatus(host.port, `/relay/${WORKSHOP_ID}?code=${first}`)).status).toBe(
        401,
      );
    }
    expect((await getJson(host.port, `/api/session?code=${second}`)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await getJson(host.port, `/api/session?code=${otherCode(second)}`)).status).toBe(401);
    }
    const locked = await upgradeStatus(host.port, `/signal?code=${second}`);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const lockedApi = await getJson(host.port, `/api/session?code=${second}`);
    expect(lockedApi.status).toBe(429);
    expect(Number(lockedApi.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('rotate and revoke', () => {
  it('rotate: the old code admits nobody new, connections made with it stay', async () => {
    const host = await resources.host({ appRoot });
    const old = host.code as string;
    const before = await resources.socket(`ws://127.0.0.1:${host.port}/signal?code=${old}`);
    const fresh = host.rotateCode();
    expect(host.code).toBe(fresh);
    expect((await upgradeStatus(host.port, `/signal?code=${old}`)).status).toBe(401);
    expect((await upgradeStatus(host.port, `/relay/${WORKSHOP_ID}?code=${old}`)).status).toBe(401);
    expect((await getJson(host.port, `/api/session?code=${old}`)).status).toBe(401);
    expect((await getJson(host.port, `/api/session?code=${fresh}`)).status).toBe(200);
    const after = await resources.socket(`ws://127.0.0.1:${host.port}/signal?code=${fresh}`);
    // The connection admitted with the old code still works.
    const pong = new Promise<string>((resolve) =>
      before.once('message', (data) => resolve(String(data))),
    );
    before.send(JSON.stringify({ type: 'ping' }));
    expect(JSON.parse(await pong)).toEqual({ type: 'pong' });
    const generations = host.connections().map((connection) => connection.codeGeneration);
    expect(generations.sort()).toEqual([1, 2]);
    after.close();
  });

  it('revoke: everybody is disconnected with 4403, y-websocket stops retrying, no code admits', async () => {
    const host = await resources.host({ appRoot });
    const code = host.code as string;
    const signaling = await resources.socket(`ws://127.0.0.1:${host.port}/signal?code=${code}`);
    const doc = new Y.Doc();
    const relay = resources.relayClient(host, doc, code);
    await waitFor('relay synced', () => relay.synced);
    const relayClosed = new Promise<{ code: number }>((resolve) =>
      relay.once('closed', (event: { code: number }) => resolve(event)),
    );
    const signalingClosed = closeEvent(signaling);
    host.revokeCode();
    expect(host.code).toBeNull();
    expect((await signalingClosed).code).toBe(SESSION_CLOSE_CODES.codeRevoked);
    expect((await relayClosed).code).toBe(SESSION_CLOSE_CODES.codeRevoked);
    await waitFor('no connections', () => host.connections().length === 0);
    expect(relay.shouldConnect).toBe(false);
    expect((await upgradeStatus(host.port, `/signal?code=${code}`)).status).toBe(401);
    const next = host.rotateCode();
    expect((await upgradeStatus(host.port, `/signal?code=${next}`)).status).toBe(101);
  });
});
