// The session host's own TLS certificate, for the HTTPS option. Made once per host machine
// and kept with its private key in the data folder, so that a browser's "accept this
// certificate once" exception (tied to the exact certificate) survives restarts of the
// host. It is made again only when it does not cover the interface address the facilitator
// picked, is about to expire, or its files are unusable; the new one keeps covering the
// addresses the old one did, so that moving between the room's Wi-Fi and a hotspot does not
// make a new certificate every time.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { writeFileAtomically } from './snapshotFile';

export const CERTIFICATE_FILE = 'session-certificate.pem';
export const PRIVATE_KEY_FILE = 'session-private-key.pem';
/** Owner read/write only (ignored on Windows): whoever has the key can impersonate the host. */
export const PRIVATE_KEY_MODE = 0o600;
const CERTIFICATE_MODE = 0o644;
const DIRECTORY_MODE = 0o700;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Apple platforms refuse TLS certificates valid for more than 825 days, even self-signed. */
export const CERTIFICATE_VALIDITY_DAYS = 365;
/** Made again when fewer days than this remain, not in the middle of a workshop. */
export const CERTIFICATE_RENEW_DAYS = 30;
/** Participants' clocks may be behind the host's: valid from a little before now. */
const BACKDATE_DAYS = 2;
/** Interface addresses one certificate keeps covering (the newest first). */
export const MAX_CERTIFICATE_ADDRESSES = 16;
/** Shown in browsers' certificate viewers; names no person and no machine. */
const COMMON_NAME = 'Werkstatt session host';
const DNS_NAMES = ['localhost'];
/** Always covered: the facilitator's own app may reach the host on loopback. */
const LOOPBACK = '127.0.0.1';

export interface HostCertificate {
  /** PEM, for `https.createServer`. */
  readonly cert: string;
  readonly key: string;
  /** SHA-256 of the certificate, `AB:CD:…`: what people compare with their browser. */
  readonly fingerprint: string;
  /** IP addresses in its subjectAltName. */
  readonly addresses: readonly string[];
  readonly validTo: Date;
  /** True when it was made just now (browsers will ask again). */
  readonly created: boolean;
}

export interface EnsureCertificateOptions {
  /** The data folder that keeps the certificate and its key. */
  readonly dir: string;
  /** Interface address(es) the host listens on; the certificate must cover them. */
  readonly addresses: readonly string[];
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

export function certificateFiles(dir: string): { cert: string; key: string } {
  return { cert: path.join(dir, CERTIFICATE_FILE), key: path.join(dir, PRIVATE_KEY_FILE) };
}

/** The certificate kept in `dir` if it still fits, otherwise a new one (written to `dir`). */
export async function ensureHostCertificate(
  options: EnsureCertificateOptions,
): Promise<HostCertificate> {
  const now = (options.now ?? (() => new Date()))();
  const log = options.log ?? (() => {});
  const wanted = [...new Set(options.addresses)];
  const files = certificateFiles(options.dir);
  const kept = await loadKept(files);
  if (kept.ok) {
    const missing = wanted.filter((address) => !kept.x509.checkIP(address));
    const validTo = new Date(kept.x509.validTo);
    const renewAt = new Date(now.getTime() + CERTIFICATE_RENEW_DAYS * DAY_MS);
    if (missing.length === 0 && validTo > renewAt && new Date(kept.x509.validFrom) <= now) {
      await tightenKeyMode(files.key);
      return describe(kept.cert, kept.key, kept.x509, false);
    }
    log(
      missing.length > 0
        ? `making a new certificate: ${missing.join(', ')} not covered by the old one`
        : 'making a new certificate: the old one expires soon',
    );
  } else if (kept.reason !== 'missing') {
    log(`making a new certificate: ${kept.reason}`);
  }
  const previous = kept.ok ? ipAddressesOf(kept.x509) : [];
  const addresses = [...new Set([...wanted, LOOPBACK, ...previous])].slice(
    0,
    MAX_CERTIFICATE_ADDRESSES,
  );
  const made = await generate(addresses, now);
  await mkdir(options.dir, { recursive: true, mode: DIRECTORY_MODE });
  // Key first: a crash between the two writes leaves a pair that does not match, which the
  // next start detects and replaces (never a certificate whose key is lost).
  await writeFileAtomically(files.key, made.private, PRIVATE_KEY_MODE);
  await tightenKeyMode(files.key);
  await writeFileAtomically(files.cert, made.cert, CERTIFICATE_MODE);
  return describe(made.cert, made.private, new X509Certificate(made.cert), true);
}

type Kept =
  | {
      readonly ok: true;
      readonly cert: string;
      readonly key: string;
      readonly x509: X509Certificate;
    }
  | { readonly ok: false; readonly reason: string };

async function loadKept(files: { cert: string; key: string }): Promise<Kept> {
  let cert: string;
  let key: string;
  try {
    [cert, key] = await Promise.all([readFile(files.cert, 'utf8'), readFile(files.key, 'utf8')]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'missing' : `cannot read it (${code})` };
  }
  try {
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      return { ok: false, reason: 'its key does not match' };
    }
    return { ok: true, cert, key, x509 };
  } catch {
    return { ok: false, reason: 'its files are damaged' };
  }
}

/** A key file copied around may have lost its mode; put it back (no-op on Windows). */
async function tightenKeyMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o777) !== PRIVATE_KEY_MODE) await chmod(file, PRIVATE_KEY_MODE);
}

function ipAddressesOf(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('IP Address:'))
    .map((entry) => entry.slice('IP Address:'.length));
}

function describe(
  cert: string,
  key: string,
  x509: X509Certificate,
  created: boolean,
): HostCertificate {
  return {
    cert,
    key,
    fingerprint: x509.fingerprint256,
    addresses: ipAddressesOf(x509),
    validTo: new Date(x509.validTo),
    created,
  };
}

function generate(addresses: readonly string[], now: Date) {
  // P-256: every browser in use speaks it, and it is made in milliseconds (RSA-2048: ~0.3 s).
  return selfsigned.generate([{ name: 'commonName', value: COMMON_NAME }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - BACKDATE_DAYS * DAY_MS),
    notAfterDate: new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...addresses.map((ip) => ({ type: 7 as const, ip })),
          ...DNS_NAMES.map((value) => ({ type: 2 as const, value })),
        ],
      },
    ],
  });
}
