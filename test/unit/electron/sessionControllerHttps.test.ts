// The desktop app's HTTPS option: the facilitator opts in per session; the controller makes
// (or reuses) this computer's certificate in the data folder, reports its fingerprint for
// the session panel, and tells the shell which certificate its own connection may trust.
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { isStartSessionRequest, SessionController } from '../../../electron/host/sessionController';

const LOOPBACK = [{ name: 'lo', address: '127.0.0.1', internal: true }];
const dirs: string[] = [];
const controllers: SessionController[] = [];

async function controller(
  onCertificate?: (address: string, fingerprint: string) => void,
): Promise<SessionController> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-sessions-https-'));
  dirs.push(dataDir);
  const sessions = new SessionController({
    appRoot: dataDir,
    dataDir,
    listInterfaces: () => LOOPBACK,
    onCertificate,
  });
  controllers.push(sessions);
  return sessions;
}

afterEach(async () => {
  for (const sessions of controllers.splice(0)) await sessions.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The fingerprint of the certificate a client is actually served, and the API's status. */
function served(url: string, code: string): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${url}/api/session?code=${code}`,
        { rejectUnauthorized: false, agent: false },
        (res) => {
          res.resume();
          resolve({
            status: res.statusCode ?? 0,
            fingerprint: (res.socket as tls.TLSSocket).getPeerCertificate().fingerprint256,
          });
        },
      )
      .on('error', reject);
  });
}

describe('SessionController with HTTPS', () => {
  it('hosts over HTTPS when asked, reports the fingerprint it serves, and keeps it', async () => {
    const trusted: [string, string][] = [];
    const sessions = await controller((address, fingerprint) =>
      trusted.push([address, fingerprint]),
    );
    const request = { workshopId: 'ws-1', title: 'Werkstatt', address: '127.0.0.1', https: true };
    const started = await sessions.start(request);
    expect(started.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(started.localUrl).toBe(started.url);
    expect(started.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await served(started.url, started.code as string)).toEqual({
      status: 200,
      fingerprint: started.certificateFingerprint,
    });
    // The shell learnt exactly this certificate before start() returned.
    expect(trusted).toEqual([['127.0.0.1', started.certificateFingerprint]]);

    await sessions.stop();
    const again = await sessions.start(request);
    expect(again.certificateFingerprint).toBe(started.certificateFingerprint);
  });

  it('stays plain HTTP unless asked', async () => {
    const trusted: string[] = [];
    const sessions = await controller((address) => trusted.push(address));
    const started = await sessions.start({
      workshopId: 'ws-1',
      title: 'Werkstatt',
      address: '127.0.0.1',
    });
    expect(started.url).toMatch(/^http:\/\//);
    expect(started.certificateFingerprint).toBeNull();
    expect(trusted).toEqual([]);
  });

  it('refuses an https flag that is not a boolean', () => {
    const base = { workshopId: 'ws-1', title: 'T', address: '127.0.0.1' };
    expect(isStartSessionRequest({ ...base, https: true })).toBe(true);
    expect(isStartSessionRequest({ ...base, https: false })).toBe(true);
    expect(isStartSessionRequest({ ...base, https: 'yes' })).toBe(false);
  });
});
