// Asks the session host for its clock now and then, so that the shared timer
// shows the same remaining time on every laptop even if their clocks differ. The
// session lookup doubles as the ping (the host stamps its answer); the desktop app
// asks through its main process, which shares this computer's clock.
import type { PingSample } from '../../shared/facilitation/clockSync';
import { lookupSession } from './lookupSession';
import type { SessionLink } from './sessionLink';

/** Pings at connect, spaced so that one slow answer does not decide the offset. */
export const CLOCK_PINGS_AT_CONNECT = 3;
export const CLOCK_PING_SPACING_MS = 1_000;
/** Clocks drift slowly; one ping a minute keeps the estimate fresh. */
export const CLOCK_RESAMPLE_MS = 60_000;

export async function pingHostClock(link: SessionLink): Promise<PingSample | null> {
  const result = await lookupSession(link);
  return result.ok && result.clock ? result.clock : null;
}

/** Starts pinging; returns a function that stops it. */
export function sampleHostClock(
  link: SessionLink,
  onSample: (sample: PingSample) => void,
): () => void {
  let stopped = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const ping = () =>
    void pingHostClock(link).then(
      (sample) => {
        if (sample && !stopped) onSample(sample);
      },
      () => {},
    );
  for (let index = 0; index < CLOCK_PINGS_AT_CONNECT; index++) {
    timers.push(setTimeout(ping, index * CLOCK_PING_SPACING_MS));
  }
  const interval = setInterval(ping, CLOCK_RESAMPLE_MS);
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    clearInterval(interval);
  };
}
