// A session host in the test process and participants who join it from their own
// Chromium launch, as people in a room do: open the host's join link, type a name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSessionHost, type SessionHost } from '../../../electron/host/session/sessionHost';
import { DIST_DIR } from './appServer';
import { makeTestCertificate, trustCertificateArgs, type TestCertificate } from './certificate';
import { launchBrowser } from './chromium';

export interface JoinOptions {
  /** Defaults to the host's current code. */
  readonly code?: string;
  /** A script to run in the page before the app, e.g. a skewed clock. */
  readonly initScript?: string;
  /** Defaults to 1400 × 900. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Only for tests that inject a checker such as axe-core: the app's CSP rightly refuses inline scripts. */
  readonly bypassCSP?: boolean;
  /** Told about every uncaught error in the page (e.g. to assert there were none). */
  readonly onPageError?: (error: Error) => void;
}

export interface RoomOptions {
  /**
   * Host over HTTPS with its own certificate; every participant's Chromium trusts exactly
   * that certificate (as a person who compared the fingerprint and accepted it would).
   */
  readonly secure?: boolean;
}

export interface Room {
  readonly host: SessionHost;
  /** PEM of the host's certificate with `secure`, else null. */
  readonly certificate: string | null;
  /** Opens the join page in a new Chromium launch and submits the form. */
  join(name: string, options?: JoinOptions): Promise<Page>;
}

export function useRoom(
  workshopId: string,
  title: string,
  roomOptions: RoomOptions = {},
): () => Room {
  let host: SessionHost | null = null;
  let secure: TestCertificate | null = null;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    secure = roomOptions.secure ? await makeTestCertificate() : null;
    host = await startSessionHost({
      host: '127.0.0.1',
      port: 0,
      appRoot: DIST_DIR,
      workshopId,
      title,
      tls: secure?.certificate,
    });
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => {});
    await host?.close();
    await secure?.remove();
  });
  return () => {
    const running = host;
    if (!running) throw new Error('the room’s host is not running');
    const certificate = secure?.certificate.cert ?? null;
    return {
      host: running,
      certificate,
      async join(name, options = {}) {
        const browser = await launchBrowser(certificate ? trustCertificateArgs(certificate) : []);
        browsers.push(browser);
        const context = await browser.newContext({
          locale: 'de-DE',
          viewport: options.viewport ?? { width: 1400, height: 900 },
          bypassCSP: options.bypassCSP ?? false,
        });
        if (options.initScript) await context.addInitScript(options.initScript);
        const page = await context.newPage();
        const { onPageError } = options;
        if (onPageError) page.on('pageerror', onPageError);
        await page.goto(`${running.url}/#/join?code=${options.code ?? running.code ?? ''}`);
        await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
        await page.getByRole('button', { name: 'Beitreten' }).click();
        return page;
      },
    };
  };
}
