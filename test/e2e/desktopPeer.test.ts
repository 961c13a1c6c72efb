// The desktop app in the room, as closely as this machine allows without Electron: the
// built renderer in Chromium with a `window.werkstatt` that forwards to the real
// main-process handlers (support/desktopBridge.ts). A facilitator in desktop mode starts a
// session from the "Sitzung" tab on 127.0.0.1 and reads address and code off the screen;
// a browser participant (no bridge) joins by that address and code; both co-edit; a
// desktop-mode participant finds the session in "Sitzungen in diesem Netzwerk" (mDNS on
// loopback), picks it, is refused with a wrong code and joins with the right one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/host/staticServer';
import { serveApp } from './support/appServer';
import { seriousViolations } from './support/axe';
import { launchPeerBrowser, newPeerPage } from './support/webrtc';
import { openDesktopPage, startDesktopShell, type DesktopShell } from './support/desktopBridge';

const TITLE = 'Digitalstrategie Lindenau 2030';
const FIELD = 'Digitale Bürgerdienste';
const NEW_CARD = `Neue Karte in „${FIELD}“`;
/** Two join-screen polls (2 s apart) after the first mDNS answer, with room to spare. */
const DISCOVERY_TIMEOUT_MS = 15_000;

let app: RunningServer;
let hostShell: DesktopShell;
let guestShell: DesktopShell;
const browsers: Browser[] = [];

beforeAll(async () => {
  [app, hostShell, guestShell] = await Promise.all([
    serveApp(),
    startDesktopShell(),
    startDesktopShell(),
  ]);
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await hostShell?.close();
  await guestShell?.close();
  await app?.close();
});

async function newBrowser(): Promise<Browser> {
  // Peer browsers: no mDNS names for WebRTC candidates (nothing multicast leaves the
  // machine; the desktop app turns that off too) and candidates on 127.0.0.1 only.
  const browser = await launchPeerBrowser();
  browsers.push(browser);
  return browser;
}

async function writeCard(page: Page, text: string): Promise<void> {
  await page.getByLabel(NEW_CARD).fill(text);
  await page.getByLabel(NEW_CARD).press('Enter');
}

const connected = (page: Page) =>
  page.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();

describe('a desktop-mode peer in the room', () => {
  it('hosts from the Sitzung tab; a browser and a desktop participant join and co-edit', async () => {
    // The facilitator's desktop app: a workshop with one Handlungsfeld, then a session.
    const facilitator = await openDesktopPage(await newBrowser(), hostShell, app.url);
    await facilitator.getByRole('button', { name: 'Neuer Workshop' }).click();
    await facilitator.getByLabel('Titel des neuen Workshops').fill(TITLE);
    await facilitator.getByRole('button', { name: 'Anlegen' }).click();
    await facilitator.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await facilitator.getByLabel('Titel des Handlungsfelds').fill(FIELD);

    await facilitator.getByRole('link', { name: 'Sitzung', exact: true }).click();
    const network = facilitator.getByLabel('Netzwerk');
    await expect.poll(() => network.inputValue()).toBe('127.0.0.1');
    await facilitator.getByRole('button', { name: 'Sitzung starten' }).click();
    const address = await facilitator.locator('.invite-address').innerText();
    const code = await facilitator.getByTestId('join-code').innerText();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(hostShell.calls).toEqual(
      expect.arrayContaining(['session:interfaces', 'session:start', 'session:status']),
    );
    await connected(facilitator);

    // A participant with only a browser: the host's address and the code from the screen.
    const browserParticipant = await newPeerPage(await newBrowser(), address);
    await browserParticipant.goto(`${address}/#/join`);
    expect(await browserParticipant.evaluate(() => 'werkstatt' in window)).toBe(false);
    // Browser mode: no list of sessions (only the desktop app can listen to the network).
    expect(await browserParticipant.getByText('Sitzungen in diesem Netzwerk').count()).toBe(0);
    expect(await browserParticipant.getByLabel('Adresse der Sitzung').inputValue()).toBe(address);
    await browserParticipant.getByLabel('Beitrittscode').fill(code);
    await browserParticipant
      .getByLabel('Ihr Name (für die anderen sichtbar)')
      .fill('Anna (Bürgeramt)');
    await browserParticipant.getByRole('button', { name: 'Beitreten' }).click();
    await connected(browserParticipant);
    await browserParticipant.getByRole('heading', { name: FIELD }).waitFor();

    // Co-editing both ways.
    await facilitator.getByRole('link', { name: 'Board' }).click();
    await writeCard(facilitator, 'Von der Moderation: Terminbuchung online');
    await browserParticipant.getByText('Von der Moderation: Terminbuchung online').waitFor();
    await writeCard(browserParticipant, 'Aus dem Raum: Formulare barrierefrei');
    await facilitator.getByText('Aus dem Raum: Formulare barrierefrei').waitFor();

    // A participant with the desktop app: the session is in the list, no address typed.
    const desktopParticipant = await openDesktopPage(
      await newBrowser(),
      guestShell,
      `${app.url}/#/join`,
      { bypassCSP: true },
    );
    const found = desktopParticipant
      .getByRole('region', { name: 'Sitzungen in diesem Netzwerk' })
      .getByRole('button', { name: new RegExp(TITLE) });
    await found.waitFor({ timeout: DISCOVERY_TIMEOUT_MS });
    await found.click();
    expect(await desktopParticipant.getByLabel('Adresse der Sitzung').inputValue()).toBe(address);
    expect(await found.getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(desktopParticipant)).toEqual([]);
    // Choosing moves on to the code, which the list never knows.
    await expect
      .poll(() => desktopParticipant.evaluate(() => document.activeElement?.id))
      .toBe('join-code');
    const listed = await guestShell.registry['session:discover'].handle();
    expect(JSON.stringify(listed)).not.toContain(code.replace('-', ''));

    await desktopParticipant.getByLabel('Ihr Name (für die anderen sichtbar)').fill('Ben (IT)');
    await desktopParticipant.getByLabel('Beitrittscode').fill('AAAA-AAAA');
    await desktopParticipant.getByRole('button', { name: 'Beitreten' }).click();
    await desktopParticipant
      .getByRole('alert')
      .filter({ hasText: 'Beitrittscode stimmt nicht' })
      .waitFor();
    expect(desktopParticipant.url()).toContain('#/join');

    await desktopParticipant.getByLabel('Beitrittscode').fill(code);
    await desktopParticipant.getByRole('button', { name: 'Beitreten' }).click();
    await connected(desktopParticipant);
    await desktopParticipant.getByText('Aus dem Raum: Formulare barrierefrei').waitFor();
    await writeCard(desktopParticipant, 'Vom Desktop: Daten offen teilen');
    for (const page of [facilitator, browserParticipant]) {
      await page.getByText('Vom Desktop: Daten offen teilen').waitFor();
    }
    // The lookups (wrong code, right code, then the timer's clock pings) went through the
    // bridge to the main process, as the app:// page must.
    expect(
      guestShell.calls.filter((channel) => channel === 'session:lookup').length,
    ).toBeGreaterThanOrEqual(2);
    expect(guestShell.calls).toContain('session:discover');
  });
});
