// Browser participants connect directly over WebRTC (each its own Chromium launch),
// keep co-editing when the host goes away, and converge with the host's copy when
// it comes back on the same address.
import type { Browser, Page } from 'playwright-core';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSessionHost, type SessionHost } from '../../electron/host/session/sessionHost';
import { DIST_DIR } from './support/appServer';
import { launchPeerBrowser, newPeerPage } from './support/webrtc';

const browsers: Browser[] = [];
let host: SessionHost | null = null;

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await host?.close();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function join(name: string, url: string, code: string): Promise<Page> {
  const browser = await launchPeerBrowser();
  browsers.push(browser);
  const page = await newPeerPage(browser, url);
  await page.goto(`${url}/#/join?code=${code}`);
  await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
  return page;
}

const directPeers = (page: Page) => page.locator('.connection-details p').first().textContent();

describe('direct peers in the room', () => {
  it('sync over WebRTC while the host is down, then converge with it', async () => {
    const port = await freePort();
    const options = {
      host: '127.0.0.1',
      port,
      appRoot: DIST_DIR,
      workshopId: 'raum-p2p',
      title: 'Direkt verbunden',
      joinCode: 'K7QM3XRD',
    };
    host = await startSessionHost(options);
    const anna = await join('Anna', host.url, 'K7QM-3XRD');
    const ben = await join('Ben', host.url, 'K7QM-3XRD');
    await expect.poll(() => directPeers(anna), { timeout: 20_000 }).toBe('1 direkte Verbindung');
    await expect.poll(() => directPeers(ben), { timeout: 20_000 }).toBe('1 direkte Verbindung');

    await anna.getByRole('link', { name: 'Strategie' }).click();
    await anna.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await anna.getByLabel('Titel des Handlungsfelds').fill('Daten und KI');
    await ben.getByRole('heading', { name: 'Daten und KI' }).waitFor();

    // The host laptop goes away: both keep working and still see each other's edits.
    await host.close();
    host = null;
    // Still "connected" to Ben directly, while the relay is gone.
    await anna.locator('[data-testid="connection-status"]:not([data-relay="connected"])').waitFor();
    expect(await directPeers(anna)).toBe('1 direkte Verbindung');
    await ben.getByLabel('Neue Karte in „Daten und KI“').fill('Offene Daten zuerst');
    await ben.getByLabel('Neue Karte in „Daten und KI“').press('Enter');
    await anna.getByRole('link', { name: 'Board' }).click();
    await anna.getByText('Offene Daten zuerst').waitFor();

    // The host returns on the same address and code: its copy catches up.
    const restarted = await startSessionHost(options);
    host = restarted;
    await expect
      .poll(() => JSON.stringify(restarted.doc.getMap('cards').toJSON()), { timeout: 20_000 })
      .toContain('Offene Daten zuerst');
  });
});
