// Launching Chromium for tests: headless, with the flags this offline machine needs
// (no background networking, no component updates), each launch with its own profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from './findChromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Otherwise Chromium hides WebRTC host addresses behind random .local names and
  // announces them by multicast on every interface: tests stay on 127.0.0.1.
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

const DEVTOOLS_WAIT_MS = 20_000;

/** `extraArgs`: e.g. the flag that trusts one session host's certificate (support/certificate.ts). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'werkstatt-profile-'));
}

export async function removeProfileDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A Chromium process we start ourselves on a persistent profile, so that a test can
 * kill it with SIGKILL (no chance to flush) and start it again on the same profile.
 */
export interface KillableBrowser {
  readonly context: BrowserContext;
  readonly browser: Browser;
  kill(): Promise<void>;
}

export async function launchKillable(profileDir: string): Promise<KillableBrowser> {
  const executable = await findChromium();
  const portFile = path.join(profileDir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const child: ChildProcess = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const port = await waitForDevToolsPort(portFile);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  return {
    browser,
    context,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function waitForDevToolsPort(portFile: string): Promise<number> {
  const deadline = Date.now() + DEVTOOLS_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      const [port] = (await readFile(portFile, 'utf8')).split('\n');
      if (port && Number(port) > 0) return Number(port);
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Chromium did not open its DevTools port in time');
}
