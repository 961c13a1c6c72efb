// The desktop app trusts a session host's own certificate only for the address it was
// confirmed for, and only that exact certificate: the lookup checks it before the join
// code leaves this computer, pins it once the user confirmed it, and the pins decide the
// renderer's WSS connections (Electron's certificate check) — nothing else.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureHostCertificate,
  type HostCertificate,
} from '../../../electron/host/session/certificate';
import { startSessionHost, type SessionHost } from '../../../electron/host/session/sessionHost';
import { createSessionLookup } from '../../../electron/ipc/pinnedSessionLookup';
import {
  CertificatePins,
  MAX_PINNED_HOSTS,
  VERDICT_ACCEPT,
  VERDICT_CHROMIUM,
  VERDICT_REFUSE,
} from '../../../electron/security/certificatePins';

let tmp: string;
let mine: HostCertificate;
let other: HostCertificate;
const hosts: SessionHost[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-pins-'));
  mine = await ensureHostCertificate({ dir: path.join(tmp, 'mine'), addresses: ['127.0.0.1'] });
  other = await ensureHostCertificate({ dir: path.join(tmp, 'other'), addresses: ['127.0.0.1'] });
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function host(certificate: HostCertificate | undefined): Promise<SessionHost> {
  const started = await startSessionHost({
    host: '127.0.0.1',
    appRoot: tmp,
    workshopId: 'ws-pins',
    title: 'Werkstatt',
    tls: certificate,
  });
  hosts.push(started);
  return started;
}

function check(hostname: string, certificate: HostCertificate | string, errorCode = -202) {
  const data = typeof certificate === 'string' ? certificate : certificate.cert;
  return { hostname, errorCode, certificate: { data } };
}

describe('CertificatePins.verify (the renderer’s connections)', () => {
  it('accepts exactly the pinned certificate for exactly its address', async () => {
    const pins = CertificatePins.inMemory();
    await pins.trust('192.168.8.23', mine.fingerprint);
    expect(pins.verify(check('192.168.8.23', mine))).toBe(VERDICT_ACCEPT);
    expect(pins.verify(check('192.168.8.23', other))).toBe(VERDICT_REFUSE);
    expect(pins.verify(check('192.168.8.99', mine))).toBe(VERDICT_CHROMIUM);
    expect(pins.verify(check('192.168.8.23', 'garbage'))).toBe(VERDICT_REFUSE);
    // A certificate Chromium already accepts is not this module's business.
    expect(pins.verify(check('192.168.8.23', other, 0))).toBe(VERDICT_CHROMIUM);
  });

  it('pins only IP addresses and localhost, and only SHA-256 fingerprints', async () => {
    const pins = CertificatePins.inMemory();
    await expect(pins.trust('example.com', mine.fingerprint)).rejects.toThrow(/cannot pin/);
    await expect(pins.trust('192.168.8.23', 'AB:CD')).rejects.toThrow(/cannot pin/);
    expect(pins.get('example.com')).toBeNull();
    await pins.trust('[::1]', mine.fingerprint.replaceAll(':', ' ').toLowerCase());
    expect(pins.get('::1')).toBe(mine.fingerprint);
  });

  it('keeps the pins in a file only its owner can read, and forgets the oldest beyond the cap', async () => {
    const file = path.join(tmp, 'pins.json');
    const pins = CertificatePins.loadSync(file);
    for (let index = 0; index <= MAX_PINNED_HOSTS; index++) {
      await pins.trust(`10.0.${Math.floor(index / 250)}.${index % 250}`, mine.fingerprint);
    }
    await pins.trust('192.168.8.23', other.fingerprint);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const reloaded = CertificatePins.loadSync(file);
    expect(reloaded.get('192.168.8.23')).toBe(other.fingerprint);
    expect(reloaded.get('10.0.0.0')).toBeNull();
    expect(reloaded.get('10.0.0.2')).toBe(mine.fingerprint);
    writeFileSync(file, '{ damaged');
    expect(CertificatePins.loadSync(file).get('192.168.8.23')).toBeNull();
  });
});

describe('the desktop app’s session lookup', () => {
  it('sends no join code to an https host whose certificate nobody confirmed', async () => {
    const requests: string[] = [];
    const impostor = https.createServer(
      { cert: other.cert, key: other.key },
      (request, response) => {
        requests.push(request.url ?? '');
        response.end('{}');
      },
    );
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const port = (impostor.address() as { port: number }).port;
      const pins = CertificatePins.inMemory();
      const lookup = createSessionLookup(pins);
      const base = `https://127.0.0.1:${port}`;
      expect(await lookup(base, 'K7QM3XRD')).toEqual({
        ok: false,
        reason: 'certificateUnconfirmed',
        fingerprint: other.fingerprint,
        previous: null,
      });
      // Confirmed, but a different certificate than the one presented: still nothing sent.
      expect(await lookup(base, 'K7QM3XRD', mine.fingerprint)).toMatchObject({
        reason: 'certificateUnconfirmed',
        fingerprint: other.fingerprint,
      });
      expect(requests).toEqual([]);
      expect(pins.get('127.0.0.1')).toBeNull();
    } finally {
      impostor.closeAllConnections();
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  it('joins with the confirmed fingerprint, pins it, and then needs no confirmation', async () => {
    const session = await host(mine);
    const pins = CertificatePins.inMemory();
    const lookup = createSessionLookup(pins);
    const code = session.code as string;
    const wrong = await lookup(
      session.url,
      code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA',
      mine.fingerprint,
    );
    expect(wrong).toEqual({ ok: false, reason: 'wrongCode' });
    // A wrong code pins nothing: only a real session is worth remembering.
    expect(pins.get('127.0.0.1')).toBeNull();

    const joined = await lookup(session.url, code, mine.fingerprint.replaceAll(':', ''));
    expect(joined).toMatchObject({ ok: true, info: { workshopId: 'ws-pins' } });
    expect(pins.get('127.0.0.1')).toBe(mine.fingerprint);
    expect(pins.verify(check('127.0.0.1', mine))).toBe(VERDICT_ACCEPT);
    expect(await lookup(session.url, code)).toMatchObject({ ok: true });
  });

  it('says so when the certificate at a pinned address changed', async () => {
    const pins = CertificatePins.inMemory();
    await pins.trust('127.0.0.1', mine.fingerprint);
    const session = await host(other);
    expect(await createSessionLookup(pins)(session.url, session.code as string)).toEqual({
      ok: false,
      reason: 'certificateUnconfirmed',
      fingerprint: other.fingerprint,
      previous: mine.fingerprint,
    });
    expect(pins.get('127.0.0.1')).toBe(mine.fingerprint);
  });

  it('asks plain-http hosts as before, and reports a host that is not there', async () => {
    const session = await host(undefined);
    const lookup = createSessionLookup(CertificatePins.inMemory());
    expect(await lookup(session.url, session.code as string)).toMatchObject({ ok: true });
    const port = session.port;
    await session.close();
    expect(await lookup(`https://127.0.0.1:${port}`, 'K7QM3XRD')).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });
});

describe('the pins file', () => {
  it('is JSON an administrator can read', async () => {
    const file = path.join(tmp, 'readable.json');
    const pins = CertificatePins.loadSync(file);
    await pins.trust('192.168.8.23', mine.fingerprint);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      pins: { '192.168.8.23': mine.fingerprint },
    });
  });
});
