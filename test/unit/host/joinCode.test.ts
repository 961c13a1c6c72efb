// Join codes: typeable, random, checked in constant time; rotate refuses the old code for
// new joins, revoke refuses every code; replaced codes are "stale", not guesses.
import { describe, expect, it } from 'vitest';
import {
  JoinCodes,
  STALE_CODES_REMEMBERED,
  generateJoinCode,
} from '../../../electron/host/session/joinCode';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  formatJoinCode,
  isWellFormedJoinCode,
  normalizeJoinCode,
} from '../../../shared/sync/joinCodeFormat';

describe('join code format', () => {
  it('has at least 30 bits and no look-alike characters', () => {
    expect(JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(30);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L', 'U']) {
      expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
    }
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('forgives case, spaces and dashes, and groups codes for display', () => {
    expect(normalizeJoinCode(' k7qm-3xrd ')).toBe('K7QM3XRD');
    expect(isWellFormedJoinCode('k7qm 3xrd')).toBe(true);
    expect(isWellFormedJoinCode('K7QM3XR')).toBe(false);
    expect(isWellFormedJoinCode('K7QM3XR0')).toBe(false);
    expect(formatJoinCode('k7qm3xrd')).toBe('K7QM-3XRD');
  });
});

describe('generateJoinCode', () => {
  it('makes well-formed, distinct codes using the whole alphabet', () => {
    const codes = Array.from({ length: 2000 }, () => generateJoinCode());
    for (const code of codes) expect(isWellFormedJoinCode(code), code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(codes.join(''));
    expect(used.size).toBe(JOIN_CODE_ALPHABET.length);
  });
});

describe('JoinCodes', () => {
  it('accepts the current code however it is typed, and nothing else', () => {
    const codes = new JoinCodes('K7QM3XRD');
    expect(codes.current).toBe('K7QM3XRD');
    expect(codes.check('k7qm-3xrd')).toEqual({ status: 'valid', generation: 1 });
    expect(codes.check('K7QM3XRE')).toEqual({ status: 'wrong' });
    expect(codes.check('')).toEqual({ status: 'wrong' });
    expect(codes.check(null)).toEqual({ status: 'wrong' });
    expect(codes.check(undefined)).toEqual({ status: 'wrong' });
    expect(codes.check('K7QM3XRD'.repeat(20))).toEqual({ status: 'wrong' });
  });

  it('refuses an initial code that is not one of its own kind', () => {
    expect(() => new JoinCodes('1234')).toThrow(/8 characters/);
    expect(() => new JoinCodes('OOOOOOOO')).toThrow();
  });

  it('rotate: the old code is stale for new joins, the new one valid', () => {
    const codes = new JoinCodes();
    const first = codes.current as string;
    const second = codes.rotate();
    expect(second).not.toBe(first);
    expect(codes.current).toBe(second);
    expect(codes.generation).toBe(2);
    expect(codes.check(first)).toEqual({ status: 'stale' });
    expect(codes.check(second)).toEqual({ status: 'valid', generation: 2 });
  });

  it('revoke: no code is valid until the next rotate', () => {
    const codes = new JoinCodes();
    const first = codes.current as string;
    codes.revoke();
    expect(codes.current).toBeNull();
    expect(codes.check(first)).toEqual({ status: 'stale' });
    expect(codes.check(generateJoinCode())).toEqual({ status: 'wrong' });
    const next = codes.rotate();
    expect(codes.check(next)).toEqual({ status: 'valid', generation: 3 });
  });

  it('remembers only the last few replaced codes as stale', () => {
    const codes = new JoinCodes();
    const replaced = [codes.current as string];
    for (let index = 0; index <= STALE_CODES_REMEMBERED; index++) replaced.push(codes.rotate());
    // Retired: replaced[0 … STALE_CODES_REMEMBERED]; the first has been forgotten.
    expect(codes.check(replaced[0])).toEqual({ status: 'wrong' });
    expect(codes.check(replaced[1])).toEqual({ status: 'stale' });
    expect(codes.check(replaced[STALE_CODES_REMEMBERED])).toEqual({ status: 'stale' });
    expect(codes.check(replaced[STALE_CODES_REMEMBERED + 1])).toMatchObject({ status: 'valid' });
  });
});
