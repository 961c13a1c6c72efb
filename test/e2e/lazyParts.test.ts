// A board opens with only the code it needs: the strategy and session views, the
// facilitator's controls and the join screen arrive when first shown, within the
// app's Content-Security-Policy. Meanwhile the page says "Lädt …" (accessibly);
// when a part cannot be loaded, the rest of the app stays usable and a reload helps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useE2eEnv } from './support/session';

const env = useE2eEnv();
const SCRIPTS = '**/*.js';

/** Records the scripts the page fetches, and every CSP violation it reports. */
async function watchScripts(page: Page): Promise<string[]> {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.js')) fetched.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const page = window as unknown as { cspViolations?: string[] };
      (page.cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return fetched;
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

async function openDemoBoard(page: Page, buttonName: string): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  await page.getByTestId('card').first().waitFor();
}

describe('parts of the app loaded on first use', () => {
  it('opens a board without the other views’ code and loads each view when it is opened', async () => {
    const { page } = await env().newPage('de-DE');
    const fetched = await watchScripts(page);
    await openDemoBoard(page, 'Demo-Workshop öffnen');
    // A cold start on the board.
    await page.reload();
    await page.getByTestId('card').first().waitFor();
    const board = new Set(fetched.splice(0));
    expect(board.size).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Strategie' }).click();
    await page.getByRole('heading', { name: 'Strategie', level: 2 }).waitFor();
    const strategy = fetched.splice(0);
    expect(strategy.length).toBeGreaterThan(0);
    expect(strategy.filter((url) => board.has(url))).toEqual([]);

    await page.getByRole('link', { name: 'Sitzung' }).click();
    await page.getByRole('heading', { name: 'Sitzung im Raum', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByRole('button', { name: 'Moderation starten' }).click();
    await page.getByRole('button', { name: 'Nächste Phase →' }).waitFor();
    await page.evaluate(() => (window.location.hash = '#/join'));
    await page.getByRole('heading', { name: 'Einer Sitzung beitreten', level: 2 }).waitFor();
    expect(fetched.filter((url) => board.has(url))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('says "Lädt …" while a view’s code arrives, and nothing an accessibility check objects to', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await openDemoBoard(page, 'Demo-Workshop öffnen');
    let held = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The board is up: the only scripts asked for from now on are the session view's.
    await page.route(SCRIPTS, async (route) => {
      held++;
      await gate;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Sitzung' }).click();
    const loading = page.getByRole('status').filter({ hasText: 'Lädt …' });
    await loading.waitFor();
    await expect.poll(() => held).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    release();
    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('heading', { name: 'Sitzung im Raum', level: 2 }).waitFor();
    expect(await loading.count()).toBe(0);
  });

  it('keeps the rest usable when a part cannot be loaded, and a reload brings it', async () => {
    const { page } = await env().newPage('en-US');
    await openDemoBoard(page, 'Open demo workshop');
    await page.route(SCRIPTS, (route) => route.abort());
    await page.getByRole('link', { name: 'Strategy' }).click();
    const failed = page.getByRole('alert').filter({
      hasText: 'This part of the app could not be loaded.',
    });
    await failed.waitFor();

    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByTestId('card').first().waitFor();
    await page.getByLabel('Your name or unit').fill('Still works');

    await page.unroute(SCRIPTS);
    await page.getByRole('link', { name: 'Strategy' }).click();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Strategy', level: 2 }).waitFor();
    expect(await failed.count()).toBe(0);
  });
});
