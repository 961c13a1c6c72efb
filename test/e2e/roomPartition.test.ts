// A laptop drops off the room's network and comes back. Anna stays connected to the host;
// Ben reaches it through a link the test cuts (every connection reset, new ones refused)
// and later restores. Meanwhile both edit the same card and different cards and each adds
// one. Ben's indicator says he is offline with his edits kept, then connected again; in the
// end both laptops and the host's replica have every edit, the concurrent edits of the one
// card merged. Ben's browser has no WebRTC, so no direct link bypasses the cut.
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addCard, addField } from '../../shared/model/commands';
import { listCards } from '../../shared/model/read';
import { launchBrowser } from './support/chromium';
import { startCuttableLink, type CuttableLink } from './support/cuttableLink';
import { useRoom } from './support/room';

const room = useRoom('raum-partition', 'Werkstatt im Raum');
const NO_WEBRTC = `delete window.RTCPeerConnection; delete window.webkitRTCPeerConnection;`;
const OFFLINE = 'Offline – Ihre Änderungen sind gespeichert und werden synchronisiert';
const CONNECTED = 'Verbunden – 1 weitere Person im Raum';
/** y-websocket retries at most every 5 s (RELAY_MAX_BACKOFF_MS). */
const RECONNECT_TIMEOUT_MS = 15_000;

let link: CuttableLink | null = null;
let benBrowser: Browser | null = null;
afterAll(async () => {
  await benBrowser?.close().catch(() => {});
  await link?.close();
});

async function joinThrough(url: string, code: string, name: string): Promise<Page> {
  benBrowser = await launchBrowser();
  const context = await benBrowser.newContext({
    locale: 'de-DE',
    viewport: { width: 1400, height: 900 },
  });
  await context.addInitScript(NO_WEBRTC);
  const page = await context.newPage();
  await page.goto(`${url}/#/join?code=${code}`);
  await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
  return page;
}

async function editCard(page: Page, id: string, text: string): Promise<void> {
  const card = page.locator(`[data-card-id="${id}"]`);
  await card.getByRole('button', { name: 'Karte bearbeiten' }).click();
  await card.getByLabel('Text der Karte').fill(text);
  await card.getByRole('button', { name: 'Fertig' }).click();
}

async function writeCard(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('Neue Karte in „Digitale Bürgerdienste“');
  await input.fill(text);
  await input.press('Enter');
}

const cardText = (page: Page, id: string) =>
  page.locator(`[data-card-id="${id}"] .card-text`).innerText();

describe('a laptop that drops off the network', () => {
  it('keeps its edits, says it is offline, and converges with the room when it is back', async () => {
    const { host } = room();
    const doc = host.doc;
    const field = addField(doc, { title: 'Digitale Bürgerdienste' });
    const shared = addCard(doc, field, { text: 'Termine online buchen' });
    const annas = addCard(doc, field, { text: 'Formulare digitalisieren' });
    const bens = addCard(doc, field, { text: 'WLAN im Bürgerbüro' });

    link = await startCuttableLink(host.port);
    const anna = await room().join('Anna (Bürgeramt)');
    const ben = await joinThrough(link.url, host.code as string, 'Ben (IT)');
    const benStatus = ben.getByTestId('connection-status');
    for (const page of [anna, ben]) {
      await page.getByTestId('connection-status').filter({ hasText: CONNECTED }).waitFor();
      await page.locator(`[data-card-id="${bens}"]`).waitFor();
    }
    expect(await ben.locator('.connection-details p').first().textContent()).toBe(
      '0 direkte Verbindungen',
    );

    link.cut();
    await benStatus.filter({ hasText: OFFLINE }).waitFor();
    expect(await benStatus.getAttribute('data-relay')).toBe('offline');

    // Both edit the same card (different words) and a card each, and add a card each.
    await editCard(anna, shared, 'Termine online buchen, auch samstags');
    await editCard(ben, shared, 'Alle Termine online buchen');
    await editCard(anna, annas, 'Formulare digitalisieren und vereinfachen');
    await editCard(ben, bens, 'WLAN im Bürgerbüro für alle');
    await writeCard(anna, 'Chatbot für Bürgerfragen prüfen');
    await writeCard(ben, 'Texte in Leichter Sprache');
    // Ben stays offline while retrying: nothing of his reached the room.
    await ben.waitForTimeout(1_500);
    expect(await benStatus.textContent()).toBe(OFFLINE);
    expect(JSON.stringify(listCards(doc))).not.toContain('Leichter Sprache');
    expect(await anna.getByText('Texte in Leichter Sprache').count()).toBe(0);
    expect(await ben.getByText('Chatbot für Bürgerfragen prüfen').count()).toBe(0);

    link.restore();
    await benStatus.filter({ hasText: CONNECTED }).waitFor({ timeout: RECONNECT_TIMEOUT_MS });
    expect(await benStatus.getAttribute('data-relay')).toBe('connected');

    const expected = {
      [shared]: 'Alle Termine online buchen, auch samstags',
      [annas]: 'Formulare digitalisieren und vereinfachen',
      [bens]: 'WLAN im Bürgerbüro für alle',
    };
    for (const page of [anna, ben]) {
      for (const text of ['Chatbot für Bürgerfragen prüfen', 'Texte in Leichter Sprache']) {
        await page.getByText(text).waitFor();
      }
      for (const [id, text] of Object.entries(expected)) {
        await expect.poll(() => cardText(page, id)).toBe(text);
      }
      expect(await page.getByTestId('card').count()).toBe(5);
    }
    const onHost = Object.fromEntries(listCards(doc).map((card) => [card.id, card.text]));
    expect(onHost).toMatchObject(expected);
    expect(Object.values(onHost).sort()).toEqual(
      [
        ...Object.values(expected),
        'Chatbot für Bürgerfragen prüfen',
        'Texte in Leichter Sprache',
      ].sort(),
    );
  });
});
