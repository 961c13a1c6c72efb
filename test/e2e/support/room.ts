// A session host in the test process and participants who join it from their own
// Chromium launch, as people in a room do: open the host's join link, type a name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSessionHost, type SessionHost } from '../../../electron/host/session/sessionHost';
import { DIST_DIR } from './appServer';
import { launchBrowser } from './chromium';

export interface JoinOptions {
  /** Defaults to the host's current code. */
  readonly code?: string;
  /** A script to run in the page before the app, e.g. a skewed clock. */
  readonly initScript?: string;
}

export interface Room {
  readonly host: SessionHost;
  /** Opens the join page in a new Chromium launch and submits the form. */
  join(name: string, options?: JoinOptions): Promise<Page>;
}

export function useRoom(workshopId: string, title: string): () => Room {
  let host: SessionHost | null = null;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    host = await startSessionHost({
      host: '127.0.0.1',
      port: 0,
      appRoot: DIST_DIR,
      workshopId,
      title,
    });
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => {});
    await host?.close();
  });
  return () => {
    const running = host;
    if (!running) throw new Error('the room’s host is not running');
    return {
      host: running,
      async join(name, options = {}) {
        const browser = await launchBrowser();
        browsers.push(browser);
        const context = await browser.newContext({
          locale: 'de-DE',
          viewport: { width: 1400, height: 900 },
        });
        if (options.initScript) await context.addInitScript(options.initScript);
        const page = await context.newPage();
        await page.goto(`${running.url}/#/join?code=${options.code ?? running.code ?? ''}`);
        await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill(name);
        await page.getByRole('button', { name: 'Beitreten' }).click();
        return page;
      },
    };
  };
}
