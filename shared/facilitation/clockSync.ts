// Estimating how far this laptop's clock is from the host's, NTP style, so that a
// countdown stored in host time shows the same on every screen. A ping records four
// times: sent (local clock), received and answered by the host (host clock), and
// the answer received (local clock). The round trip excludes the host's own delay;
// the offset assumes the way there and back took equally long, so its error is at
// most half the round trip, and the sample with the smallest round trip is the most
// trustworthy.

/** Samples with a longer round trip than this are discarded as useless, ms. */
export const MAX_USEFUL_ROUND_TRIP_MS = 5_000;
/** How many recent samples to keep per host. */
export const CLOCK_SAMPLES_KEPT = 8;

export interface PingSample {
  /** Local clock when the ping left, ms. */
  readonly sentAt: number;
  /** Host clock when the ping arrived, ms. */
  readonly hostReceivedAt: number;
  /** Host clock when the answer left, ms. */
  readonly hostSentAt: number;
  /** Local clock when the answer arrived, ms. */
  readonly receivedAt: number;
}

export interface ClockEstimate {
  /** Add to the local clock to get host time, ms. */
  readonly offsetMs: number;
  readonly roundTripMs: number;
  /** The true offset lies within offsetMs ± this, ms. */
  readonly maxErrorMs: number;
}

/** Offset of the host's clock against the local one: ((t1 - t0) + (t2 - t3)) / 2. */
export function sampleOffset(s: PingSample): number {
  return (s.hostReceivedAt - s.sentAt + (s.hostSentAt - s.receivedAt)) / 2;
}

/** Time on the wire, without the host's processing: (t3 - t0) - (t2 - t1). */
export function sampleRoundTrip(s: PingSample): number {
  return s.receivedAt - s.sentAt - (s.hostSentAt - s.hostReceivedAt);
}

function usable(s: PingSample): boolean {
  const times = [s.sentAt, s.hostReceivedAt, s.hostSentAt, s.receivedAt];
  if (!times.every(Number.isFinite)) return false;
  const roundTrip = sampleRoundTrip(s);
  return (
    s.hostSentAt >= s.hostReceivedAt && roundTrip >= 0 && roundTrip <= MAX_USEFUL_ROUND_TRIP_MS
  );
}

/** The estimate from the sample with the lowest round trip; undefined without a usable one. */
export function estimateClockOffset(samples: readonly PingSample[]): ClockEstimate | undefined {
  let best: PingSample | undefined;
  for (const sample of samples) {
    if (!usable(sample)) continue;
    if (!best || sampleRoundTrip(sample) < sampleRoundTrip(best)) best = sample;
  }
  if (!best) return undefined;
  const roundTripMs = sampleRoundTrip(best);
  return { offsetMs: sampleOffset(best), roundTripMs, maxErrorMs: roundTripMs / 2 };
}

/** Keeps the most recent samples (clocks drift, so old ones lose their worth). */
export function addSample(samples: readonly PingSample[], sample: PingSample): PingSample[] {
  return [...samples, sample].slice(-CLOCK_SAMPLES_KEPT);
}

/** The host's clock now, as well as this laptop can tell. */
export function hostTime(localNow: number, offsetMs: number): number {
  return localNow + offsetMs;
}
