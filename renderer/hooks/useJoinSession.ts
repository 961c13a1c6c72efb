// Joining a session: prove the code to the host, remember the link with the
// workshop on this device, and hand back the workshop to open.
import { useCallback } from 'react';
import { db } from '../app/database';
import { linkWorkshop } from '../persistence/workshops';
import { fetchSessionInfo } from '../../shared/sync/fetchSessionInfo';
import { desktopBridge } from '../platform/shell';
import { normaliseBaseUrl } from '../sync/sessionLink';
import { normalizeJoinCode } from '../../shared/sync/joinCodeFormat';

export type JoinResult =
  | { readonly ok: true; readonly workshopId: string }
  | { readonly ok: false; readonly reason: 'wrongCode' | 'unreachable' | 'notWerkstatt' };

export function useJoinSession(): (address: string, code: string) => Promise<JoinResult> {
  return useCallback(async (address, code) => {
    let baseUrl: string;
    try {
      baseUrl = normaliseBaseUrl(address);
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
    const normalisedCode = normalizeJoinCode(code);
    // The desktop app's page (app://) may not fetch from a LAN host; its main process can.
    const bridge = desktopBridge();
    const result = bridge
      ? await bridge['session:lookup'](baseUrl, normalisedCode)
      : await fetchSessionInfo(baseUrl, normalisedCode);
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
