// The shared timer shows the same remaining time on a laptop whose clock is seven
// minutes fast as on one with the right time: both read the host's clock through
// the join code lookup, which doubles as a clock ping.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRoom } from './support/room';

const SKEW_MS = 7 * 60_000;
/** Shifts this page's clock (Date.now and new Date()) by SKEW_MS, as a wrong system clock would. */
const FAST_CLOCK = `
(() => {
  const NativeDate = Date;
  const skew = ${SKEW_MS};
  class SkewedDate extends NativeDate {
    constructor(...args) { if (args.length === 0) super(NativeDate.now() + skew); else super(...args); }
    static now() { return NativeDate.now() + skew; }
  }
  globalThis.Date = SkewedDate;
})();`;

const room = useRoom('uhr-e2e', 'Uhrzeit');

async function join(name: string, skewed: boolean): Promise<Page> {
  const page = await room().join(name, { initScript: skewed ? FAST_CLOCK : undefined });
  await page.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();
  return page;
}

function seconds(digits: string): number {
  const [minutes = '0', secs = '0'] = digits.trim().split(':');
  return Number(minutes) * 60 + Number(secs);
}

describe('the shared timer', () => {
  it('shows the same remaining time on a laptop whose clock is 7 minutes fast', async () => {
    const facilitator = await join('Frieda (Moderation)', false);
    const fast = await join('Ben (Uhr geht vor)', true);
    expect(
      await fast.evaluate(() => Date.now() - performance.timeOrigin - performance.now()),
    ).toBeGreaterThan(SKEW_MS - 5_000);
    await facilitator.getByRole('button', { name: 'Moderation starten' }).click();
    await facilitator.getByLabel('Timer-Minuten').fill('10');
    await facilitator.getByRole('button', { name: 'Timer starten' }).click();
    for (const page of [facilitator, fast]) await page.getByTestId('timer-digits').waitFor();
    const [shown, shownFast] = await Promise.all(
      [facilitator, fast].map((page) => page.getByTestId('timer-digits').innerText()),
    );
    expect(seconds(shown ?? '')).toBeGreaterThan(9 * 60);
    expect(Math.abs(seconds(shown ?? '') - seconds(shownFast ?? ''))).toBeLessThanOrEqual(2);
  });
});
