// The shared timer shows the same remaining time on a laptop whose clock is seven
// minutes fast as on one with the right time: both read the host's clock through
// the join code lookup, which doubles as a clock ping.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionHost, type SessionHost } from '../../electron/host/session/sessionHost';
import { DIST_DIR } from './support/appServer';
import { launchBrowser } from './support/chromium';

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

let host: SessionHost;
const browsers: Browser[] = [];

beforeAll(async () => {
  host = await startSessionHost({
    host: '127.0.0.1',
    port: 0,
    appRoot: DIST_DIR,
    workshopId: 'uhr-e2e',
    title: 'Uhrzeit',
  });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await host.close();
});

async function join(name: string, skewed: boolean): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1400, height: 900 },
  });
  if (skewed) await context.addInitScript(FAST_CLOCK);
  const page = await context.newPage();
  await page.goto(`${host.url}/#/join?code=${host.code ?? ''}`);
  await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
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
