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
  | { readonly ok: false; readonly reason: 'wrongCode' | 'unreachable' | 'notWerkstatt' };

export async function fetchSessionInfo(baseUrl: string, code: string): Promise<SessionInfoResult> {
  const url = new URL(SESSION_API_PATH, baseUrl);
  url.searchParams.set(JOIN_CODE_PARAM, normalizeJoinCode(code));
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(SESSION_INFO_TIMEOUT_MS) });
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
