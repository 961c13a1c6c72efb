// The desktop shell without Electron (whose binary cannot run here): the built renderer
// in Chromium gets a `window.werkstatt` that forwards every contract call to the REAL
// main-process handlers (electron/ipc/handlers.ts with a real SessionController and LAN
// discovery) running in the test process, through registerIpc's dispatch — what the
// preload and ipcMain do, minus Electron.
//
// What this substitutes is the IPC transport and the sender's origin: the page is served
// over http (test/e2e/support/appServer.ts), not app://werkstatt. A call is accepted only
// from a frame of that served app's origin and is then handed to dispatch as coming from
// app://werkstatt/index.html, so the handlers' own sender and argument checks still run.
// Everything else (renderer, handlers, session host, relay, mDNS) is the real code.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc/contract';
import { LanSessionBrowser } from '../../../electron/host/discovery/sessionBrowser';
import { SessionController } from '../../../electron/host/sessionController';
import { createHandlers, type HandlerRegistry } from '../../../electron/ipc/handlers';
import { dispatch } from '../../../electron/ipc/registerIpc';
import { APP_START_URL } from '../../../electron/security/appOrigin';
import { DIST_DIR } from './appServer';
import { LOOPBACK_CANDIDATES_ONLY } from './webrtc';

/** Only loopback: the tests never host on, or search, any other network. */
const LOOPBACK = { name: 'lo', address: '127.0.0.1', internal: true } as const;
const BINDING = '__werkstattIpc';

/** One desktop app's main process: its own data folder, session host and discovery. */
export interface DesktopShell {
  readonly sessions: SessionController;
  readonly discovery: LanSessionBrowser;
  readonly registry: HandlerRegistry;
  /** Every channel the renderer called, in order (what went through the bridge). */
  readonly calls: IpcChannel[];
  close(): Promise<void>;
}

export async function startDesktopShell(): Promise<DesktopShell> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-desktop-'));
  const sessions = new SessionController({
    appRoot: DIST_DIR,
    dataDir,
    port: 0,
    listInterfaces: () => [LOOPBACK],
  });
  const discovery = new LanSessionBrowser({ interfaces: () => [LOOPBACK.address] });
  const registry = createHandlers({
    version: '0.0.0-e2e',
    platform: process.platform,
    locale: () => 'de-DE',
    setTitle: () => {},
    sessions,
    discovery,
  });
  return {
    sessions,
    discovery,
    registry,
    calls: [],
    async close() {
      await sessions.stop();
      await discovery.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes every page of `context` on `appOrigin` a desktop-shell page backed by `shell`. */
export async function installDesktopBridge(
  context: BrowserContext,
  shell: DesktopShell,
  appOrigin: string,
): Promise<void> {
  await context.exposeBinding(BINDING, async (source, channel: unknown, args: unknown) => {
    // The part of the sender check this transport owns: our served app, nothing else.
    if (new URL(source.frame.url()).origin !== appOrigin) {
      throw new Error(`IPC refused: ${source.frame.url()} is not the app`);
    }
    if (!IPC_CHANNELS.includes(channel as IpcChannel)) {
      throw new Error(`No handler registered for '${String(channel)}'`);
    }
    if (!Array.isArray(args)) throw new Error('IPC arguments must be a list');
    shell.calls.push(channel as IpcChannel);
    return dispatch(
      shell.registry,
      channel as IpcChannel,
      { senderFrame: { url: APP_START_URL } },
      args,
    );
  });
  // What the preload does: one async function per contract channel, nothing else. A
  // string, not a function: a TS loader's helpers (e.g. esbuild's __name) do not exist there.
  await context.addInitScript({
    content: `(() => {
      const call = (channel, args) => window[${JSON.stringify(BINDING)}](channel, args);
      const bridge = {};
      for (const channel of ${JSON.stringify(IPC_CHANNELS)}) {
        bridge[channel] = (...args) => call(channel, args);
      }
      Object.defineProperty(window, 'werkstatt', { value: Object.freeze(bridge), enumerable: true });
    })();`,
  });
}

/**
 * A desktop-mode page: its own Chromium context with the bridge to `shell`. Launch the
 * browser with launchPeerBrowser (support/webrtc.ts): like the desktop app (main.ts) it
 * does not hide local addresses behind mDNS names, and here WebRTC keeps to 127.0.0.1.
 */
export async function openDesktopPage(
  browser: Browser,
  shell: DesktopShell,
  appUrl: string,
  options: { readonly bypassCSP?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1400, height: 900 },
    // Only to inject axe-core; the app's CSP rightly refuses inline scripts.
    bypassCSP: options.bypassCSP ?? false,
  });
  const origin = new URL(appUrl).origin;
  await context.grantPermissions(['camera', 'microphone'], { origin });
  await context.addInitScript(LOOPBACK_CANDIDATES_ONLY);
  await installDesktopBridge(context, shell, origin);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(appUrl);
  return page;
}
