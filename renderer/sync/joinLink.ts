// The link the facilitator's screen and QR code hand out: the host's address with the join
// page, the code and, for an https host, its certificate's fingerprint. A browser ignores
// the fingerprint (it shows its own certificate dialog); the desktop app, when somebody
// pastes the whole link as the address, trusts exactly that certificate without asking.
import {
  compactFingerprint,
  FINGERPRINT_PARAM,
  normalizeFingerprint,
} from '../../shared/sync/certificateFingerprint';
import { JOIN_CODE_PARAM } from '../../shared/sync/paths';

export function joinUrl(baseUrl: string, code: string, fingerprint: string | null = null): string {
  const params = new URLSearchParams({ [JOIN_CODE_PARAM]: code });
  if (fingerprint) params.set(FINGERPRINT_PARAM, compactFingerprint(fingerprint));
  return `${baseUrl}/#/join?${params.toString()}`;
}

/** The fingerprint in a pasted join link (`…#/join?code=…&fp=…`), or null. */
export function fingerprintInJoinLink(address: string): string | null {
  const query = /#\/join\?(.*)$/.exec(address.trim())?.[1];
  const value = query ? new URLSearchParams(query).get(FINGERPRINT_PARAM) : null;
  return value ? normalizeFingerprint(value) : null;
}
