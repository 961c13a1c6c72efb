// Rate limiting with a fake clock: a token bucket's burst and refill, and the wrong-code
// throttle per address with its bounded memory.
import { describe, expect, it } from 'vitest';
import { JoinThrottle } from '../../../electron/host/session/joinThrottle';
import { TokenBucket } from '../../../electron/host/session/tokenBucket';

function fakeClock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBucket', () => {
  it('allows a burst, then refills continuously up to its capacity', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(3, 2, clock.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.msUntil(1)).toBe(500);
    clock.advance(500);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(60_000);
    expect(bucket.available()).toBe(3);
    expect(bucket.isFull()).toBe(true);
  });

  it('charges costs larger than one and takes nothing when they do not fit', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, 10, clock.now);
    expect(bucket.take(60)).toBe(true);
    expect(bucket.take(60)).toBe(false);
    expect(bucket.available()).toBe(40);
  });
});

describe('JoinThrottle', () => {
  it('lets an address try `burst` times, then one more per refill interval', () => {
    const clock = fakeClock();
    const throttle = new JoinThrottle({
      burst: 3,
      refillMs: 6_000,
      maxAddresses: 10,
      now: clock.now,
    });
    for (let index = 0; index < 3; index++) {
      expect(throttle.retryAfterMs('10.0.0.5')).toBe(0);
      throttle.recordFailure('10.0.0.5');
    }
    expect(throttle.retryAfterMs('10.0.0.5')).toBe(6_000);
    expect(throttle.retryAfterMs('10.0.0.6')).toBe(0);
    clock.advance(6_000);
    expect(throttle.retryAfterMs('10.0.0.5')).toBe(0);
  });

  it('never remembers more than maxAddresses, dropping forgiven ones first', () => {
    const clock = fakeClock();
    const throttle = new JoinThrottle({
      burst: 2,
      refillMs: 1_000,
      maxAddresses: 3,
      now: clock.now,
    });
    throttle.recordFailure('a');
    clock.advance(5_000); // 'a' is forgiven
    throttle.recordFailure('b');
    throttle.recordFailure('b');
    throttle.recordFailure('c');
    throttle.recordFailure('c');
    throttle.recordFailure('d');
    expect(throttle.size()).toBe(3);
    expect(throttle.retryAfterMs('b')).toBeGreaterThan(0);
    for (let index = 0; index < 100; index++) throttle.recordFailure(`x${index}`);
    expect(throttle.size()).toBe(3);
  });
});
