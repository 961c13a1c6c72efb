// Every screen meets WCAG 2.1 AA as far as axe-core can tell (no serious or
// critical violations, contrast included), in German and English, and the main
// tasks work with the keyboard alone.
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useE2eEnv, waitUntilSaved } from './support/session';

const env = useE2eEnv();

describe('accessibility', () => {
  it('has no serious or critical axe violations on any screen', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await page.getByRole('heading', { name: 'Ihre Workshops' }).waitFor();
    expect(await seriousViolations(page), 'start screen (empty)').toEqual([]);

    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await page.getByTestId('column').first().waitFor();
    expect(await seriousViolations(page), 'board').toEqual([]);

    await page.getByTestId('card').first().getByRole('button', { name: 'Karte löschen' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page), 'confirm dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Strategie' }).click();
    await page.getByTestId('measure').first().waitFor();
    expect(await seriousViolations(page), 'strategy').toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'All workshops' }).click();
    await page.getByTestId('workshop-item').first().waitFor();
    expect(await seriousViolations(page), 'start screen (list, English)').toEqual([]);
  });

  it('adds a card with the keyboard alone', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('column').first().waitFor();
    const firstColumnInput = page.getByLabel('Neue Karte in „Bürgerservice digital“');
    // Tab from the author field into the first column's new-card box.
    await page.getByLabel('Ihr Name oder Ihre Organisationseinheit').focus();
    for (let presses = 0; presses < 40; presses++) {
      if (await firstColumnInput.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    expect(await firstColumnInput.evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.type('Per Tastatur erfasst');
    await page.keyboard.press('Enter');
    await page.getByText('Per Tastatur erfasst').waitFor();
    await waitUntilSaved(page);
  });
});
