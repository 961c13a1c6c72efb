// How join codes look, so that the host and the renderer's join form agree: eight
// characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as two groups
// of four ("K7QM-3XRD"). Typing is forgiving: case, spaces and dashes do not matter.

/** 30 symbols: digits 2–9 and the letters without I, L, O and U. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 30^8 ≈ 6.6·10^11 codes, about 39 bits. */
export const JOIN_CODE_LENGTH = 8;

/** Upper case without spaces or dashes; does not check the alphabet. */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

export function isWellFormedJoinCode(input: string): boolean {
  const code = normalizeJoinCode(input);
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return false;
  return true;
}

/** "K7QM3XRD" → "K7QM-3XRD", for showing a code to people. */
export function formatJoinCode(code: string): string {
  const normalized = normalizeJoinCode(code);
  const half = Math.ceil(normalized.length / 2);
  return `${normalized.slice(0, half)}-${normalized.slice(half)}`;
}
