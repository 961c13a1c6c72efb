// The SHA-256 fingerprint of a session host's own certificate, as people compare it: the
// facilitator's screen and the CLI show it, browsers show it in their certificate viewer
// (with colons or spaces, upper or lower case), and the desktop app pins it. One spelling
// for display and comparison, one compact spelling for the join link.

/** 32 bytes of SHA-256 as 64 hex digits. */
const FINGERPRINT_HEX_DIGITS = 64;
const SEPARATORS = /[\s:-]/g;

/**
 * `AB:CD:…` (upper case, colon-separated, as Node's `fingerprint256` and Firefox write it),
 * or null when the input is not a SHA-256 fingerprint in any usual spelling.
 */
export function normalizeFingerprint(input: string): string | null {
  if (input.length > FINGERPRINT_HEX_DIGITS * 3) return null;
  const hex = input.replace(SEPARATORS, '').toUpperCase();
  if (!new RegExp(`^[0-9A-F]{${FINGERPRINT_HEX_DIGITS}}$`).test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** The fingerprint without separators, for the `fp` parameter of the join link. */
export function compactFingerprint(fingerprint: string): string {
  return fingerprint.replace(SEPARATORS, '').toUpperCase();
}

/** Two lines of sixteen bytes, so that people can compare it piece by piece. */
export function fingerprintLines(fingerprint: string): string[] {
  const bytes = compactFingerprint(fingerprint).match(/../g) ?? [];
  const lines: string[] = [];
  for (let index = 0; index < bytes.length; index += 16) {
    lines.push(bytes.slice(index, index + 16).join(':'));
  }
  return lines;
}

/** The join link's parameter carrying the fingerprint (`#/join?code=…&fp=…`). */
export const FINGERPRINT_PARAM = 'fp';
