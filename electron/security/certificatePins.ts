// Which session hosts' own certificates this desktop app trusts, pinned per address. A
// session host on the LAN may serve HTTPS with a certificate it made itself, which no
// authority vouches for; the app then trusts exactly that certificate (its SHA-256
// fingerprint) for exactly that address, once the user has compared the fingerprint with
// the facilitator's screen, or because this app hosts the session itself. Kept in the
// user's data folder, so that reopening a workshop reconnects without asking again.
//
// Chromium caches every verdict of the certificate check for the session's lifetime
// (electron/electron#41448, #47267), so the renderer must only connect to a host after its
// pin is in place: the join flow and SessionConnection ask the main process first.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { normalizeFingerprint } from '../../shared/sync/certificateFingerprint';
import { writeFileAtomically } from '../host/session/snapshotFile';

/** Hosts pinned at most; the oldest pin goes first (a laptop meets few session hosts). */
export const MAX_PINNED_HOSTS = 64;
const PINS_FILE_MODE = 0o600;

/** Electron's verdicts: accept, refuse, or keep what Chromium's own check decided. */
export const VERDICT_ACCEPT = 0;
export const VERDICT_REFUSE = -2;
export const VERDICT_CHROMIUM = -3;
export type CertificateVerdict =
  typeof VERDICT_ACCEPT | typeof VERDICT_REFUSE | typeof VERDICT_CHROMIUM;

/** The part of Electron's certificate verification request used here. */
export interface CertificateCheck {
  readonly hostname: string;
  /** Chromium's own result: 0 when the certificate is valid by the usual rules. */
  readonly errorCode: number;
  readonly certificate: { readonly data: string };
}

interface PinsFile {
  readonly pins: Record<string, string>;
}

/** `[::1]` and `::1` are one host; names are compared in lower case. */
export function pinKey(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Session hosts listen on an interface address (host names are refused there), so only IP
 * addresses and localhost can be pinned: a pin can never take over a name on the internet.
 */
export function isPinnableHost(hostname: string): boolean {
  const key = pinKey(hostname);
  return isIP(key) !== 0 || key === 'localhost';
}

export class CertificatePins {
  private readonly pins: Map<string, string>;
  private saved: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | null,
    initial: Iterable<[string, string]>,
  ) {
    this.pins = new Map(initial);
  }

  /** Pins kept in memory only (tests). */
  static inMemory(): CertificatePins {
    return new CertificatePins(null, []);
  }

  /**
   * Reads the pins file (synchronously: it is small, and must be in place before the window
   * makes its first connection). A missing or damaged file means no pins.
   */
  static loadSync(file: string): CertificatePins {
    const entries: [string, string][] = [];
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PinsFile>;
      for (const [host, fingerprint] of Object.entries(parsed.pins ?? {})) {
        const normalized = typeof fingerprint === 'string' && normalizeFingerprint(fingerprint);
        if (normalized && isPinnableHost(host)) entries.push([pinKey(host), normalized]);
      }
    } catch {
      // No file yet, or unreadable: nothing is trusted beyond the usual rules.
    }
    return new CertificatePins(file, entries.slice(-MAX_PINNED_HOSTS));
  }

  /** The fingerprint trusted for this host, if any. */
  get(hostname: string): string | null {
    return this.pins.get(pinKey(hostname)) ?? null;
  }

  /** Trusts exactly this certificate for this host from now on (replacing an older pin). */
  trust(hostname: string, fingerprint: string): Promise<void> {
    const normalized = normalizeFingerprint(fingerprint);
    if (!normalized || !isPinnableHost(hostname)) {
      return Promise.reject(new Error(`cannot pin ${fingerprint} for ${hostname}`));
    }
    const key = pinKey(hostname);
    this.pins.delete(key);
    this.pins.set(key, normalized);
    while (this.pins.size > MAX_PINNED_HOSTS) {
      const oldest = this.pins.keys().next().value as string;
      this.pins.delete(oldest);
    }
    return this.save();
  }

  /** For `session.setCertificateVerifyProc`: accepts a pinned certificate, decides nothing else. */
  verify(check: CertificateCheck): CertificateVerdict {
    if (check.errorCode === 0) return VERDICT_CHROMIUM;
    const pinned = this.get(check.hostname);
    if (!pinned) return VERDICT_CHROMIUM;
    let fingerprint: string;
    try {
      fingerprint = new X509Certificate(check.certificate.data).fingerprint256;
    } catch {
      return VERDICT_REFUSE;
    }
    return fingerprint === pinned ? VERDICT_ACCEPT : VERDICT_REFUSE;
  }

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const data: PinsFile = { pins: Object.fromEntries(this.pins) };
    this.saved = this.saved
      .catch(() => {})
      .then(() => writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`, PINS_FILE_MODE));
    return this.saved;
  }
}
