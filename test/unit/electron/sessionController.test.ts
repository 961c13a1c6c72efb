// The desktop app's session controller: hosts one session at a time, only on an
// interface of this computer, keeps the room's board in the data folder across a
// restart, and validates what the renderer asks for.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isStartSessionRequest, SessionController } from '../../../electron/host/sessionController';

const LOOPBACK = [{ name: 'lo', address: '127.0.0.1', internal: true }];
let dirs: string[] = [];
let controllers: SessionController[] = [];

async function controller(): Promise<{ sessions: SessionController; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-sessions-'));
  dirs.push(dataDir);
  const sessions = new SessionController({
    appRoot: dataDir,
    dataDir,
    listInterfaces: () => LOOPBACK,
  });
  controllers.push(sessions);
  return { sessions, dataDir };
}

afterEach(async () => {
  for (const sessions of controllers) await sessions.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  controllers = [];
  dirs = [];
});

describe('SessionController', () => {
  it('starts, reports, rotates and revokes the code, and stops', async () => {
    const { sessions } = await controller();
    expect(sessions.status()).toBeNull();
    const started = await sessions.start({
      workshopId: 'ws-1',
      title: 'Werkstatt',
      address: '127.0.0.1',
    });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.code).toMatch(/^[2-9A-Z]{8}$/);
    expect(started.relayPath).toBe('/relay/ws-1');
    const response = await fetch(`${started.url}/api/session?code=${started.code}`);
    expect(response.status).toBe(200);

    const rotated = sessions.rotateCode();
    expect(rotated?.code).not.toBe(started.code);
    const old = await fetch(`${started.url}/api/session?code=${started.code}`);
    expect(old.status).toBe(401);
    expect(sessions.revokeCode()?.code).toBeNull();

    await sessions.stop();
    expect(sessions.status()).toBeNull();
    await expect(fetch(`${started.url}/api/session?code=x`)).rejects.toThrow();
  });

  it('refuses an address that is not an interface of this computer', async () => {
    const { sessions } = await controller();
    await expect(
      sessions.start({ workshopId: 'ws-1', title: 'x', address: '10.1.2.3' }),
    ).rejects.toThrow(/not an interface/);
    expect(sessions.status()).toBeNull();
  });

  it('keeps the room’s board across a restart of the session', async () => {
    const { sessions } = await controller();
    const first = await sessions.start({ workshopId: 'ws-2', title: 'x', address: '127.0.0.1' });
    const { WebsocketProvider } = await import('y-websocket');
    const { WebSocket } = await import('ws');
    const doc = new Y.Doc();
    doc.getMap('cards').set('k', 'Karte aus dem Raum');
    const provider = new WebsocketProvider(
      `${first.url.replace('http', 'ws')}/relay`,
      'ws-2',
      doc,
      {
        params: { code: first.code ?? '' },
        WebSocketPolyfill: WebSocket as never,
        disableBc: true,
      },
    );
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    provider.destroy();
    await sessions.stop();

    const second = await sessions.start({ workshopId: 'ws-2', title: 'x', address: '127.0.0.1' });
    const fresh = new Y.Doc();
    const again = new WebsocketProvider(
      `${second.url.replace('http', 'ws')}/relay`,
      'ws-2',
      fresh,
      {
        params: { code: second.code ?? '' },
        WebSocketPolyfill: WebSocket as never,
        disableBc: true,
      },
    );
    await new Promise<void>((resolve) => again.once('sync', () => resolve()));
    expect(fresh.getMap('cards').get('k')).toBe('Karte aus dem Raum');
    again.destroy();
  });

  it('validates start requests from the renderer', () => {
    expect(isStartSessionRequest({ workshopId: 'a1', title: 't', address: '127.0.0.1' })).toBe(
      true,
    );
    expect(isStartSessionRequest({ workshopId: '../x', title: 't', address: '127.0.0.1' })).toBe(
      false,
    );
    expect(isStartSessionRequest({ workshopId: 'a', title: 'x'.repeat(501), address: '1' })).toBe(
      false,
    );
    expect(isStartSessionRequest(null)).toBe(false);
    expect(isStartSessionRequest({ workshopId: 'a', title: 't' })).toBe(false);
  });
});
