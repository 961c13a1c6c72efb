// The host's own certificate for the HTTPS option: made once and kept (so browsers'
// accepted exceptions survive restarts), made again when the facilitator picks an address
// it does not cover or when it is about to expire, and its key readable by its owner only.
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_RENEW_DAYS,
  CERTIFICATE_VALIDITY_DAYS,
  certificateFiles,
  ensureHostCertificate,
  PRIVATE_KEY_MODE,
} from '../../../electron/host/session/certificate';
import { makeTempDir, removeDir } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
let dir: string;

beforeEach(() => {
  dir = makeTempDir('werkstatt-cert-');
});
afterEach(() => removeDir(dir));

describe('the host certificate', () => {
  it('is made for the chosen address, loopback and localhost, and valid for a year', async () => {
    const made = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    expect(made.created).toBe(true);
    const x509 = new X509Certificate(made.cert);
    expect(x509.checkIP('192.168.8.23')).toBe('192.168.8.23');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('10.0.0.1')).toBeUndefined();
    expect(x509.fingerprint256).toBe(made.fingerprint);
    expect(made.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const days = (made.validTo.getTime() - Date.now()) / DAY_MS;
    expect(days).toBeGreaterThan(CERTIFICATE_VALIDITY_DAYS - 1);
    expect(days).toBeLessThanOrEqual(CERTIFICATE_VALIDITY_DAYS);
    // A server certificate, not a CA that could sign others.
    expect(x509.ca).toBe(false);
  });

  it('is the same certificate after a restart, so accepted exceptions still hold', async () => {
    const first = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    const second = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    expect(second.created).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.key).toBe(first.key);
    // Loopback is covered by every certificate: no new one for the facilitator's own machine.
    const loopback = await ensureHostCertificate({ dir, addresses: ['127.0.0.1'] });
    expect(loopback.fingerprint).toBe(first.fingerprint);
  });

  it('is made again when the address is not covered, and keeps covering the old one', async () => {
    const wifi = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    const hotspot = await ensureHostCertificate({ dir, addresses: ['172.20.10.2'] });
    expect(hotspot.created).toBe(true);
    expect(hotspot.fingerprint).not.toBe(wifi.fingerprint);
    expect(hotspot.addresses).toEqual(expect.arrayContaining(['172.20.10.2', '192.168.8.23']));
    // Back on the room's Wi-Fi: no new certificate, no new warning in the browsers.
    const back = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    expect(back.created).toBe(false);
    expect(back.fingerprint).toBe(hotspot.fingerprint);
  });

  it('is made again when it expires within the renewal window', async () => {
    const first = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    const stillFine = new Date(
      Date.now() + (CERTIFICATE_VALIDITY_DAYS - CERTIFICATE_RENEW_DAYS - 2) * DAY_MS,
    );
    const kept = await ensureHostCertificate({
      dir,
      addresses: ['192.168.8.23'],
      now: () => stillFine,
    });
    expect(kept.fingerprint).toBe(first.fingerprint);
    const nearTheEnd = new Date(
      Date.now() + (CERTIFICATE_VALIDITY_DAYS - CERTIFICATE_RENEW_DAYS + 1) * DAY_MS,
    );
    const renewed = await ensureHostCertificate({
      dir,
      addresses: ['192.168.8.23'],
      now: () => nearTheEnd,
    });
    expect(renewed.created).toBe(true);
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
    expect(renewed.validTo.getTime()).toBeGreaterThan(first.validTo.getTime());
  });

  it.runIf(process.platform !== 'win32')(
    'keeps the private key readable by its owner only, even after it was loosened',
    async () => {
      await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
      const files = certificateFiles(dir);
      expect(statSync(files.key).mode & 0o777).toBe(PRIVATE_KEY_MODE);
      expect(readFileSync(files.key, 'utf8')).toContain('PRIVATE KEY');
      expect(readFileSync(files.cert, 'utf8')).not.toContain('PRIVATE KEY');
      chmodSync(files.key, 0o644);
      await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
      expect(statSync(files.key).mode & 0o777).toBe(PRIVATE_KEY_MODE);
    },
  );

  it('replaces a damaged pair, or a certificate whose key does not match', async () => {
    const first = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    const files = certificateFiles(dir);
    const other = makeTempDir('werkstatt-cert-other-');
    try {
      const stranger = await ensureHostCertificate({ dir: other, addresses: ['192.168.8.23'] });
      writeFileSync(files.key, stranger.key);
    } finally {
      removeDir(other);
    }
    const logged: string[] = [];
    const mismatched = await ensureHostCertificate({
      dir,
      addresses: ['192.168.8.23'],
      log: (line) => logged.push(line),
    });
    expect(mismatched.created).toBe(true);
    expect(mismatched.fingerprint).not.toBe(first.fingerprint);
    expect(logged.join('\n')).toContain('key does not match');
    writeFileSync(files.cert, 'not a certificate');
    const repaired = await ensureHostCertificate({ dir, addresses: ['192.168.8.23'] });
    expect(repaired.created).toBe(true);
    expect(new X509Certificate(readFileSync(files.cert)).fingerprint256).toBe(repaired.fingerprint);
  });
});
