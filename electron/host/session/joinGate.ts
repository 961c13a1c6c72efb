// Decides whether a request that carries a join code gets in: the address must not be
// throttled for guessing, and the code must be the current one. A wrong (or missing) code
// counts as a guess; a recently replaced code does not (see joinCode.ts). Every refusal is
// the same 401, so the answer tells nobody which of the two it was.
import type { JoinCodes } from './joinCode';
import type { JoinThrottle } from './joinThrottle';

export type Admittance =
  | { readonly ok: true; readonly generation: number }
  | { readonly ok: false; readonly status: 401 | 429; readonly headers: Record<string, string> };

export function admit(
  codes: JoinCodes,
  throttle: JoinThrottle,
  address: string,
  code: string | null,
): Admittance {
  const waitMs = throttle.retryAfterMs(address);
  if (waitMs > 0) {
    return { ok: false, status: 429, headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) } };
  }
  const check = codes.check(code);
  if (check.status === 'valid') return { ok: true, generation: check.generation };
  if (check.status === 'wrong') throttle.recordFailure(address);
  return { ok: false, status: 401, headers: {} };
}
