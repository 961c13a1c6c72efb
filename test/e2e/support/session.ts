// One browser and one app server per test file; each test gets a fresh context
// (an empty profile) unless it asks for a persistent one.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../../electron/host/staticServer';
import { serveApp } from './appServer';
import { launchBrowser } from './chromium';

export interface E2eEnv {
  readonly browser: Browser;
  readonly server: RunningServer;
  newPage(
    locale?: string,
    options?: { bypassCSP?: boolean },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

export function useE2eEnv(): () => E2eEnv {
  let env: E2eEnv | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    const [browser, server] = await Promise.all([launchBrowser(), serveApp()]);
    env = {
      browser,
      server,
      async newPage(locale = 'de-DE', options = {}) {
        const context = await browser.newContext({
          locale,
          viewport: { width: 1400, height: 900 },
          // Only for tests that inject a checker such as axe-core: the app's CSP
          // rightly refuses inline scripts.
          bypassCSP: options.bypassCSP ?? false,
        });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (error) => {
          throw error;
        });
        await page.goto(server.url);
        return { context, page };
      },
    };
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await env?.browser.close();
    await env?.server.close();
  });
  return () => {
    if (!env) throw new Error('e2e environment not started');
    return env;
  };
}

/** Waits until the save indicator says everything is on disk. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor();
}
