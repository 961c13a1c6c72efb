// Asks a session host who it is, proving the join code. A wrong code, an
// unreachable host and a host that is not Werkstatt are told apart for the user.
// Used by browser participants directly and by the desktop app's main process
// (the app:// page may not fetch from a LAN origin itself).
import { normalizeJoinCode } from './joinCodeFormat';
import { JOIN_CODE_PARAM, SESSION_API_PATH } from './paths';
import { isSessionInfo, type SessionInfo } from './sessionInfo';
import type { PingSample } from '../facilitation/clockSync';

export const SESSION_INFO_TIMEOUT_MS = 5_000;

export type SessionInfoResult =
  | { readonly ok: true; readonly info: SessionInfo; readonly clock?: PingSample }
  | { readonly ok: false; readonly reason: 'wrongCode' | 'unreachable' | 'notWerkstatt' }
  | CertificateUnconfirmed;

/**
 * Only from the desktop app's main process: the host serves HTTPS with a certificate this
 * computer has not been told to trust (or another one than before). The code was not sent;
 * the user compares `fingerprint` with the facilitator's screen before asking again with it.
 */
export interface CertificateUnconfirmed {
  readonly ok: false;
  readonly reason: 'certificateUnconfirmed';
  /** SHA-256 of the certificate the host presented, `AB:CD:…`. */
  readonly fingerprint: string;
  /** The one trusted for this address before, if any (then the certificate changed). */
  readonly previous: string | null;
}

/** What fetchSessionInfo needs of `fetch`; the main process passes one that pins a certificate. */
export type FetchLike = (url: URL, init: { readonly signal: AbortSignal }) => Promise<Response>;

export async function fetchSessionInfo(
  baseUrl: string,
  code: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
): Promise<SessionInfoResult> {
  const url = new URL(SESSION_API_PATH, baseUrl);
  url.searchParams.set(JOIN_CODE_PARAM, normalizeJoinCode(code));
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(SESSION_INFO_TIMEOUT_MS) });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403 || response.status === 429) {
    return { ok: false, reason: 'wrongCode' };
  }
  if (!response.ok) return { ok: false, reason: 'notWerkstatt' };
  try {
    const body: unknown = await response.json();
    const receivedAt = Date.now();
    if (!isSessionInfo(body)) return { ok: false, reason: 'notWerkstatt' };
    if (body.hostTime === undefined) return { ok: true, info: body };
    // The answer doubles as a clock ping: the host stamps it on the way out.
    const clock: PingSample = {
      sentAt,
      hostReceivedAt: body.hostTime,
      hostSentAt: body.hostTime,
      receivedAt,
    };
    return { ok: true, info: body, clock };
  } catch {
    return { ok: false, reason: 'notWerkstatt' };
  }
}
