// The session's join code: made from a cryptographic random source, compared in constant
// time, rotated and revoked by the facilitator.
//
// What rotating and revoking mean (the host acts on the result, see sessionHost.ts):
// - rotate: a new code; the old one admits nobody new. People already in stay connected —
//   rotating is what a facilitator does after the code was on a screen too long, and it
//   must not interrupt a room at work.
// - revoke: no code admits anybody until the next rotate, and the host closes every
//   participant connection (close code 4403; y-websocket then stops reconnecting). That is
//   the emergency exit when somebody who should not be there got in: the host cannot tell
//   who that is, so everybody rejoins with the next code.
// Recently replaced codes are remembered (as hashes) so that a client still retrying with
// one is told apart from somebody guessing: both are refused alike, but only guesses count
// towards the wrong-code throttle.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  isWellFormedJoinCode,
  normalizeJoinCode,
} from '../../../shared/sync/joinCodeFormat';

/** Replaced codes remembered as "stale" rather than "wrong". */
export const STALE_CODES_REMEMBERED = 8;

/** Longer input is not a code; refuse it without hashing. */
const MAX_CANDIDATE_CHARS = 64;

export type JoinCodeCheck =
  | { readonly status: 'valid'; readonly generation: number }
  | { readonly status: 'stale' }
  | { readonly status: 'wrong' };

export function generateJoinCode(): string {
  let code = '';
  for (let index = 0; index < JOIN_CODE_LENGTH; index++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

function digest(code: string): Buffer {
  return createHash('sha256').update(normalizeJoinCode(code)).digest();
}

export class JoinCodes {
  private code: string | null;
  private codeDigest: Buffer | null;
  private codeGeneration = 1;
  private readonly staleDigests: Buffer[] = [];

  /**
   * Starts with `initial` (a code this host made before, e.g. after a restart), revoked
   * (null: it was revoked when the host stopped), or with a new code (undefined).
   */
  constructor(initial?: string | null) {
    if (typeof initial === 'string' && !isWellFormedJoinCode(initial)) {
      throw new Error(
        `A join code has ${JOIN_CODE_LENGTH} characters from ${JOIN_CODE_ALPHABET}; "${initial}" is not one.`,
      );
    }
    this.code =
      initial === undefined
        ? generateJoinCode()
        : initial === null
          ? null
          : normalizeJoinCode(initial);
    this.codeDigest = this.code === null ? null : digest(this.code);
  }

  /** The code that admits people now; null after revoke(). */
  get current(): string | null {
    return this.code;
  }

  /** Increases with every rotate and revoke. */
  get generation(): number {
    return this.codeGeneration;
  }

  check(candidate: string | null | undefined): JoinCodeCheck {
    if (typeof candidate !== 'string' || candidate.length > MAX_CANDIDATE_CHARS) {
      return { status: 'wrong' };
    }
    const candidateDigest = digest(candidate);
    if (this.codeDigest && timingSafeEqual(candidateDigest, this.codeDigest)) {
      return { status: 'valid', generation: this.codeGeneration };
    }
    let stale = false;
    for (const old of this.staleDigests) stale = timingSafeEqual(candidateDigest, old) || stale;
    return stale ? { status: 'stale' } : { status: 'wrong' };
  }

  rotate(): string {
    this.retireCurrent();
    this.code = generateJoinCode();
    this.codeDigest = digest(this.code);
    return this.code;
  }

  revoke(): void {
    this.retireCurrent();
    this.code = null;
    this.codeDigest = null;
  }

  private retireCurrent(): void {
    if (this.codeDigest) {
      this.staleDigests.push(this.codeDigest);
      if (this.staleDigests.length > STALE_CODES_REMEMBERED) this.staleDigests.shift();
    }
    this.codeGeneration++;
  }
}
