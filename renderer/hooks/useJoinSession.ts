// Joining a session: prove the code to the host, remember the link with the
// workshop on this device, and hand back the workshop to open.
import { useCallback } from 'react';
import { db } from '../app/database';
import { linkWorkshop } from '../persistence/workshops';
import { fetchSessionInfo, type CertificateUnconfirmed } from '../../shared/sync/fetchSessionInfo';
import { desktopBridge } from '../platform/shell';
import { fingerprintInJoinLink } from '../sync/joinLink';
import { normaliseBaseUrl } from '../sync/sessionLink';
import { normalizeJoinCode } from '../../shared/sync/joinCodeFormat';

export type JoinResult =
  | { readonly ok: true; readonly workshopId: string }
  | { readonly ok: false; readonly reason: 'wrongCode' | 'unreachable' | 'notWerkstatt' }
  | CertificateUnconfirmed;

/**
 * `fingerprint`: the host certificate's SHA-256 as the user confirmed it (desktop app, https
 * host); the main process then trusts exactly that certificate for this address.
 */
export type JoinSession = (
  address: string,
  code: string,
  fingerprint?: string,
) => Promise<JoinResult>;

export function useJoinSession(): JoinSession {
  return useCallback(async (address, code, fingerprint) => {
    let baseUrl: string;
    try {
      baseUrl = normaliseBaseUrl(address);
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
    const normalisedCode = normalizeJoinCode(code);
    // A pasted join link from the facilitator's screen carries the certificate's fingerprint.
    const confirmed = fingerprint ?? fingerprintInJoinLink(address) ?? undefined;
    // The desktop app's page (app://) may not fetch from a LAN host; its main process can.
    const bridge = desktopBridge();
    const lookUp = (candidate: string) =>
      bridge
        ? bridge['session:lookup'](candidate, normalisedCode, confirmed)
        : fetchSessionInfo(candidate, normalisedCode);
    let result = await lookUp(baseUrl);
    // Typed without a scheme: the host may serve HTTPS only (the facilitator's choice).
    if (!result.ok && result.reason === 'unreachable' && !/^\s*https?:/i.test(address)) {
      const secure = baseUrl.replace(/^http:/, 'https:');
      const second = await lookUp(secure);
      if (second.ok || second.reason !== 'unreachable') [baseUrl, result] = [secure, second];
    }
    if (!result.ok) return result;
    const { info } = result;
    await linkWorkshop(db, info.workshopId, info.title, {
      baseUrl,
      code: normalisedCode,
      relayPath: info.relayPath,
      signalingPath: info.signalingPath,
    });
    return { ok: true, workshopId: info.workshopId };
  }, []);
}

/** The address this page was served from, when that is a session host (browser participants). */
export function servedFromAddress(): string {
  return window.location.protocol === 'http:' || window.location.protocol === 'https:'
    ? window.location.origin
    : '';
}
