// Killing the browser process (no unload, no flush) loses nothing that was saved:
// the save indicator's "saved" is a promise the app keeps.
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/host/staticServer';
import { serveApp } from './support/appServer';
import { launchKillable, newProfileDir, removeProfileDir } from './support/chromium';

const KILL_AFTER_EDIT_MS = 500;

describe('crash safety', () => {
  let server: RunningServer | null = null;
  let profile: string | null = null;
  afterAll(async () => {
    await server?.close();
    if (profile) await removeProfileDir(profile);
  });

  it('keeps every saved edit when the process is killed', async () => {
    server = await serveApp();
    profile = await newProfileDir();

    const first = await launchKillable(profile);
    const page = await first.context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: /demo/i }).click();
    const column = page.getByTestId('column').first();
    const cardInput = column.locator('textarea');
    await cardInput.fill('Karte kurz vor dem Absturz');
    await cardInput.press('Enter');
    await page.locator('[data-save-state="saved"]').waitFor();
    // The README promises that at most the last fraction of a second is lost: an
    // edit made half a second before the kill, without waiting for the indicator,
    // must survive too.
    await cardInput.fill('Karte eine halbe Sekunde vor dem Absturz');
    await cardInput.press('Enter');
    await page.waitForTimeout(KILL_AFTER_EDIT_MS);
    const url = page.url();
    await first.kill();

    const second = await launchKillable(profile);
    const again = await second.context.newPage();
    await again.goto(url);
    await again.getByTestId('column').first().waitFor();
    expect(await again.getByText('Karte kurz vor dem Absturz').count()).toBe(1);
    expect(await again.getByText('Karte eine halbe Sekunde vor dem Absturz').count()).toBe(1);
    await second.browser.close();
    await second.kill();
  });
});
