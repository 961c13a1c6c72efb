// Tolerant reading of plain values. Facilitation keeps some state as plain JSON
// values (a vote, the timer, the follow target) that any peer can overwrite with
// anything; these helpers turn whatever is there into a typed value or "absent",
// and never throw.

/** Participant ids are generated per device; anything else is ignored as garbage. */
export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Display names longer than this are cut when stored. */
export const MAX_NAME_LENGTH = 80;

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isParticipantId(value: unknown): value is string {
  return typeof value === 'string' && PARTICIPANT_ID_PATTERN.test(value);
}

export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A whole number within [min, max]; non-numbers read as `fallback`. */
export function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  const number = finiteOr(value, fallback);
  return clamp(Math.round(number), min, max);
}

/** A display name as stored: trimmed, single spaces, at most MAX_NAME_LENGTH code points. */
export function cleanName(name: string): string {
  return Array.from(name.replace(/\s+/g, ' ').trim()).slice(0, MAX_NAME_LENGTH).join('');
}

/** Compares two strings by code unit, the same on every machine (no locale). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
