// Two participants in separate Chromium launches join a session by its code from
// the host's own address, co-edit one board through the relay, and a wrong code
// is refused. The host runs in this test process, as in browser mode or `npm run host`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scaledDemo } from '../../bench/scaledDemo';
import { seedDemo } from '../../shared/demo/seedDemo';
import { startSessionHost, type SessionHost } from '../../electron/host/session/sessionHost';
import { DIST_DIR } from './support/appServer';
import { launchBrowser } from './support/chromium';

const LATE_JOIN_CARDS = 2000;
let host: SessionHost;
const browsers: Browser[] = [];

beforeAll(async () => {
  host = await startSessionHost({
    host: '127.0.0.1',
    port: 0,
    appRoot: DIST_DIR,
    workshopId: 'raum-e2e',
    title: 'Werkstatt im Raum',
  });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await host.close();
});

async function participant(name: string, code: string): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1400, height: 900 } });
  await page.goto(`${host.url}/#/join?code=${code}`);
  await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
  return page;
}

describe('co-editing in the room', () => {
  it('refuses a wrong join code with a clear message', async () => {
    const page = await participant('Falscher Code', 'AAAA-AAAA');
    await page.getByRole('alert').filter({ hasText: 'Beitrittscode stimmt nicht' }).waitFor();
    expect(page.url()).toContain('#/join');
  });

  it('syncs cards and presence between two participants through the relay', async () => {
    const code = host.code ?? '';
    const anna = await participant('Anna (Bürgeramt)', code);
    const ben = await participant('Ben (IT)', code);
    for (const page of [anna, ben]) {
      await page.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();
    }
    await anna.getByTestId('connection-status').filter({ hasText: '1 weitere Person' }).waitFor();

    // Anna creates the first Handlungsfeld; Ben sees the column appear.
    await anna.getByRole('link', { name: 'Strategie' }).click();
    await anna.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await anna.getByLabel('Titel des Handlungsfelds').fill('Digitale Bürgerdienste');
    await ben.getByRole('heading', { name: 'Digitale Bürgerdienste' }).waitFor();

    await ben
      .getByLabel('Neue Karte in „Digitale Bürgerdienste“')
      .fill('Termine online buchen, für alle Bürgerbüros');
    await ben.getByLabel('Neue Karte in „Digitale Bürgerdienste“').press('Enter');
    await anna.getByRole('link', { name: 'Board' }).click();
    await anna.getByText('Termine online buchen, für alle Bürgerbüros').waitFor();

    // The host's replica has it too: a latecomer gets it from there.
    await expect
      .poll(() => JSON.stringify(host.doc.getMap('cards').toJSON()))
      .toContain('Termine online buchen');
    expect(host.connections().length).toBeGreaterThanOrEqual(2);
  });
});

describe('a latecomer', () => {
  it('gets a 2,000-card board from the relay', async () => {
    const seeded = new Y.Doc();
    seedDemo(seeded, scaledDemo(LATE_JOIN_CARDS));
    Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(seeded));
    const late = await participant('Spät dazu', host.code ?? '');
    await expect
      .poll(() => late.getByTestId('card').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(LATE_JOIN_CARDS);
    await late.getByRole('heading', { name: 'Digitale Teilhabe' }).waitFor();
  });
});
