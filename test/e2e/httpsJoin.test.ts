// Browser participants join a session hosted over HTTPS with the host's own certificate:
// Chromium trusts exactly that certificate (as a person who compared its fingerprint and
// accepted it), the page is a secure context with crypto.subtle, and two participants
// co-edit through the relay over WSS (one of them without WebRTC, so the relay alone must
// carry the edits). A browser that trusts some other certificate cannot open the session.
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/chromium';
import { makeTestCertificate, trustCertificateArgs } from './support/certificate';
import { useRoom } from './support/room';

const room = useRoom('raum-https-e2e', 'Verschlüsselt im Raum', { secure: true });
const NO_WEBRTC = 'delete window.RTCPeerConnection; delete window.webkitRTCPeerConnection;';
const strangers: Browser[] = [];

afterAll(async () => {
  for (const browser of strangers) await browser.close().catch(() => {});
});

describe('a session over HTTPS', () => {
  it('serves the app over https to a browser that trusts the host certificate', async () => {
    expect(room().host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const anna = await room().join('Anna (Bürgeramt)');
    await anna.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();
    const context = await anna.evaluate(() => ({
      protocol: window.location.protocol,
      secure: window.isSecureContext,
      subtle: typeof globalThis.crypto?.subtle?.digest === 'function',
    }));
    expect(context).toEqual({ protocol: 'https:', secure: true, subtle: true });
    // The host speaks TLS only: every connection it lists is a WSS connection.
    expect(
      room()
        .host.connections()
        .some((connection) => connection.kind === 'relay'),
    ).toBe(true);
  });

  it('lets two participants co-edit through the relay over WSS', async () => {
    const anna = await room().join('Anna (Bürgeramt)');
    const ben = await room().join('Ben (IT)', { initScript: NO_WEBRTC });
    for (const page of [anna, ben]) {
      await page.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();
    }
    expect(await ben.evaluate(() => typeof window.RTCPeerConnection)).toBe('undefined');

    await anna.getByRole('link', { name: 'Strategie' }).click();
    await anna.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await anna.getByLabel('Titel des Handlungsfelds').fill('Sichere Verwaltungsnetze');
    await ben.getByRole('heading', { name: 'Sichere Verwaltungsnetze' }).waitFor();

    const newCard = ben.getByLabel('Neue Karte in „Sichere Verwaltungsnetze“');
    await newCard.fill('VPN für alle Außenstellen');
    await newCard.press('Enter');
    await anna.getByRole('link', { name: 'Board' }).click();
    await anna.getByText('VPN für alle Außenstellen').waitFor();
    await expect
      .poll(() => JSON.stringify(room().host.doc.getMap('cards').toJSON()))
      .toContain('VPN für alle Außenstellen');
  });

  it('cannot be opened by a browser that trusts another certificate', async () => {
    const other = await makeTestCertificate();
    try {
      const browser = await launchBrowser(trustCertificateArgs(other.certificate.cert));
      strangers.push(browser);
      const page = await browser.newPage();
      const opened = await page.goto(`${room().host.url}/#/join`).then(
        () => 'opened',
        (error: Error) => error.message,
      );
      expect(opened).toMatch(/ERR_CERT_AUTHORITY_INVALID|ERR_CERT/);
    } finally {
      await other.remove();
    }
  });
});
