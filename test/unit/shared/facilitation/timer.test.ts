// The countdown must show the same time left on every laptop even though their
// clocks disagree (by seconds or by an hour, when one is still on the wrong time
// zone setting). Laptops estimate their offset to the host from pings; the timer
// lives in host time. Here the room has a true time, three clocks skewed from it,
// and a network with uneven delays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSample,
  CLOCK_SAMPLES_KEPT,
  estimateClockOffset,
  hostTime,
  MAX_USEFUL_ROUND_TRIP_MS,
  sampleOffset,
  sampleRoundTrip,
  type PingSample,
} from '../../../../shared/facilitation/clockSync';
import { setCoFacilitator } from '../../../../shared/facilitation/people';
import {
  addTime,
  MAX_TIMER_MS,
  parseTimer,
  pauseTimer,
  readTimer,
  remainingMs,
  remainingSeconds,
  resumeTimer,
  startTimer,
  stopTimer,
  timerEnded,
  timerEndedBetween,
} from '../../../../shared/facilitation/timer';
import { SESSION_KEY, sessionMap } from '../../../../shared/facilitation/sessionState';
import { replicaOf, syncAll } from '../helpers';
import { BEN, CARLA, facilitated, HOST, T0 } from './fixture';

/** A laptop whose clock reads true time plus `skewMs`. */
interface Laptop {
  readonly skewMs: number;
}

/**
 * One ping from a laptop to the host at true time `at`, with the given one-way
 * delays and host processing time (the host's clock is true time).
 */
function ping(laptop: Laptop, at: number, there: number, back: number, processing = 1): PingSample {
  return {
    sentAt: at + laptop.skewMs,
    hostReceivedAt: at + there,
    hostSentAt: at + there + processing,
    receivedAt: at + there + processing + back + laptop.skewMs,
  };
}

describe('clock offset estimation', () => {
  it('is exact with symmetric delays and picks the sample with the lowest round trip', () => {
    const laptop = { skewMs: -37 * 60_000 };
    const samples = [
      ping(laptop, 0, 40, 90),
      ping(laptop, 1_000, 3, 3),
      ping(laptop, 2_000, 200, 10),
    ];
    expect(sampleRoundTrip(samples[1] as PingSample)).toBe(6);
    expect(sampleOffset(samples[1] as PingSample)).toBe(37 * 60_000);
    expect(estimateClockOffset(samples)).toEqual({
      offsetMs: 37 * 60_000,
      roundTripMs: 6,
      maxErrorMs: 3,
    });
  });

  it('discards impossible and useless samples', () => {
    const laptop = { skewMs: 0 };
    expect(estimateClockOffset([])).toBeUndefined();
    expect(
      estimateClockOffset([
        { sentAt: 10, hostReceivedAt: 5, hostSentAt: 6, receivedAt: 9 }, // negative round trip
        { sentAt: 0, hostReceivedAt: 5, hostSentAt: 4, receivedAt: 9 }, // host answered before asked
        { sentAt: Number.NaN, hostReceivedAt: 5, hostSentAt: 6, receivedAt: 9 },
        ping(laptop, 0, MAX_USEFUL_ROUND_TRIP_MS, 10),
      ]),
    ).toBeUndefined();
  });

  it('keeps the latest samples only', () => {
    let samples: PingSample[] = [];
    for (let i = 0; i < 20; i++) samples = addSample(samples, ping({ skewMs: 0 }, i, 1, 1));
    expect(samples).toHaveLength(CLOCK_SAMPLES_KEPT);
    expect(samples[0]?.sentAt).toBe(20 - CLOCK_SAMPLES_KEPT);
  });

  it('is never further off than half the chosen round trip (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 60_000 }),
            there: fc.integer({ min: 0, max: 400 }),
            back: fc.integer({ min: 0, max: 400 }),
            processing: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (skewMs, pings) => {
          const laptop = { skewMs };
          const estimate = estimateClockOffset(
            pings.map((p) => ping(laptop, p.at, p.there, p.back, p.processing)),
          );
          expect(estimate).toBeDefined();
          const error = Math.abs((estimate?.offsetMs ?? 0) - -skewMs);
          expect(error).toBeLessThanOrEqual((estimate?.maxErrorMs ?? 0) + 1e-9);
          const best = Math.min(...pings.map((p) => p.there + p.back));
          expect(estimate?.roundTripMs).toBe(best);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the shared countdown', () => {
  const hostLaptop: Laptop = { skewMs: 0 };
  const slow: Laptop = { skewMs: -37 * 60_000 - 4_321 };
  const fast: Laptop = { skewMs: 9_876 };

  /** Each laptop's offset, estimated from pings with uneven delays. */
  function offsetOf(laptop: Laptop): number {
    if (laptop === hostLaptop) return 0;
    const estimate = estimateClockOffset([
      ping(laptop, T0 - 5_000, 30, 80),
      ping(laptop, T0 - 4_000, 12, 7),
      ping(laptop, T0 - 3_000, 60, 5),
    ]);
    return estimate?.offsetMs as number;
  }
  const local = (laptop: Laptop, trueTime: number) => trueTime + laptop.skewMs;

  it('shows the same time left on laptops with skewed clocks', () => {
    const { doc } = facilitated();
    setCoFacilitator(doc, HOST, CARLA, true);
    const carla = replicaOf(doc);
    const ben = replicaOf(doc);
    // Carla, co-facilitator on the fast laptop, starts 10 minutes at true time T0.
    expect(startTimer(carla, CARLA, 10 * 60_000, hostTime(local(fast, T0), offsetOf(fast)))).toBe(
      true,
    );
    syncAll(doc, carla, ben);
    const timer = readTimer(ben);
    for (const trueTime of [T0, T0 + 1, T0 + 61_500, T0 + 599_999]) {
      const shown = [hostLaptop, slow, fast].map((laptop) =>
        remainingMs(timer, local(laptop, trueTime), offsetOf(laptop)),
      );
      const truth = Math.max(0, T0 + 600_000 - trueTime);
      // Every laptop within the offset error (a few ms here) of the truth.
      for (const value of shown) expect(Math.abs(value - truth)).toBeLessThanOrEqual(10);
    }
    // Without the offset, the slow laptop would be 37 minutes off.
    expect(remainingMs(timer, local(slow, T0), 0)).toBeGreaterThan(600_000 + 37 * 60_000);
    expect(remainingMs(timer, local(fast, T0), 0)).toBeLessThan(600_000 - 9_000);
  });

  it('pauses, resumes and takes added time the same way everywhere', () => {
    const { doc } = facilitated();
    const ben = replicaOf(doc);
    const now = (trueTime: number) => hostTime(local(hostLaptop, trueTime), 0);
    startTimer(doc, HOST, 5 * 60_000, now(T0));
    expect(pauseTimer(doc, HOST, now(T0 + 60_000))).toBe(true);
    syncAll(doc, ben);
    // Paused: the same 4 minutes everywhere, whatever the clocks say, however long.
    expect(remainingMs(readTimer(ben), local(slow, T0 + 999_000), offsetOf(slow))).toBe(240_000);
    expect(remainingSeconds(readTimer(ben), 0, 0)).toBe(240);
    expect(pauseTimer(doc, HOST, now(T0))).toBe(false);
    expect(resumeTimer(doc, HOST, now(T0 + 120_000))).toBe(true);
    expect(addTime(doc, HOST, 30_000, now(T0 + 120_000))).toBe(true);
    syncAll(doc, ben);
    const timer = readTimer(ben);
    expect(timer).toMatchObject({ kind: 'running', durationMs: 330_000, endsAt: T0 + 390_000 });
    expect(remainingMs(timer, local(slow, T0 + 300_000), offsetOf(slow))).toBeCloseTo(90_000, -1);
    expect(addTime(doc, HOST, -10 * 60_000, now(T0 + 300_000))).toBe(true);
    expect(timerEnded(readTimer(doc), local(hostLaptop, T0 + 300_000), 0)).toBe(true);
    expect(stopTimer(doc, HOST)).toBe(true);
    expect(readTimer(doc)).toEqual({ kind: 'idle' });
    expect(resumeTimer(doc, HOST, now(T0))).toBe(false);
  });

  it('detects the end once, at the same moment on every laptop', () => {
    const { doc } = facilitated();
    startTimer(doc, HOST, 60_000, T0);
    const timer = readTimer(doc);
    for (const laptop of [hostLaptop, slow, fast]) {
      const offset = offsetOf(laptop);
      const ends: number[] = [];
      let previous = local(laptop, T0);
      for (let trueTime = T0; trueTime <= T0 + 70_000; trueTime += 250) {
        const now = local(laptop, trueTime);
        if (timerEndedBetween(timer, previous, now, offset)) ends.push(trueTime);
        previous = now;
      }
      expect(ends).toEqual([T0 + 60_000]);
    }
  });

  it('gives a run that ended and got more time a new id, so its end is announced again', () => {
    const { doc } = facilitated();
    startTimer(doc, HOST, 60_000, T0);
    const first = readTimer(doc);
    addTime(doc, HOST, 30_000, T0 + 10_000);
    expect(readTimer(doc)).toMatchObject({ id: (first as { id: string }).id, endsAt: T0 + 90_000 });
    addTime(doc, HOST, 60_000, T0 + 200_000);
    const again = readTimer(doc);
    expect(again).toMatchObject({ kind: 'running', endsAt: T0 + 260_000 });
    expect((again as { id: string }).id).not.toBe((first as { id: string }).id);
  });

  it('is controlled by facilitators only and reads garbage as idle', () => {
    const { doc } = facilitated();
    expect(startTimer(doc, BEN, 60_000, T0)).toBe(false);
    expect(startTimer(doc, HOST, 0, T0)).toBe(false);
    expect(startTimer(doc, HOST, 10 * MAX_TIMER_MS, T0)).toBe(true);
    expect(readTimer(doc)).toMatchObject({ durationMs: MAX_TIMER_MS });
    for (const junk of [
      null,
      5,
      'running',
      { kind: 'running', id: 'x' },
      { kind: 'paused' },
      [1],
    ]) {
      sessionMap(doc).set(SESSION_KEY.timer, junk);
      expect(readTimer(doc)).toEqual({ kind: 'idle' });
    }
    expect(parseTimer({ kind: 'paused', id: 'x', durationMs: 'a', remainingMs: -5 })).toEqual({
      kind: 'paused',
      id: 'x',
      durationMs: 0,
      remainingMs: 0,
    });
    expect(remainingMs({ kind: 'idle' }, 0, 0)).toBe(0);
  });
});
