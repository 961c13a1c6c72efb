// Cards move between Handlungsfelder by mouse drag, by keyboard (dnd-kit's
// keyboard sensor), and through the "Move to …" menu, and stay where they were put.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eEnv, waitUntilSaved } from './support/session';

const env = useE2eEnv();
const KEY_SETTLE_MS = 150;

async function columnTexts(page: Page, index: number): Promise<string[]> {
  return page.getByTestId('column').nth(index).locator('.card-text').allInnerTexts();
}

async function openDemo(page: Page) {
  await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
  await page.getByTestId('card').first().waitFor();
}

describe('moving cards', () => {
  it('drags a card with the mouse into another column', async () => {
    const { page } = await env().newPage('de-DE');
    await openDemo(page);
    const [moved] = await columnTexts(page, 0);
    const handle = page
      .getByTestId('column')
      .nth(0)
      .getByTestId('card')
      .first()
      .locator('.drag-handle');
    const target = page.getByTestId('column').nth(1).getByTestId('card').nth(1);
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('card not visible');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 12; step++) {
      await page.mouse.move(
        from.x + ((to.x + to.width / 2 - from.x) * step) / 12,
        from.y + ((to.y + 10 - from.y) * step) / 12,
      );
    }
    await page.mouse.up();
    await expect.poll(() => columnTexts(page, 1)).toContain(moved);
    expect(await columnTexts(page, 0)).not.toContain(moved);
    await waitUntilSaved(page);
    await page.reload();
    await expect.poll(() => columnTexts(page, 1)).toContain(moved);
  });

  it('moves a card with the keyboard alone', async () => {
    const { page } = await env().newPage('de-DE');
    await openDemo(page);
    const [moved] = await columnTexts(page, 0);
    const handle = page
      .getByTestId('column')
      .nth(0)
      .getByTestId('card')
      .first()
      .locator('.drag-handle');
    await handle.focus();
    // dnd-kit measures the droppables in the frame after a key press: give it a few.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(KEY_SETTLE_MS);
    }
    await expect.poll(() => columnTexts(page, 1)).toContain(moved);
    expect(await columnTexts(page, 0)).not.toContain(moved);
    const live = await page.locator('[role="status"][aria-live]').allInnerTexts();
    expect(live.join(' ')).toContain('abgelegt');
  });

  it('moves a card through the "Move to" menu', async () => {
    const { page } = await env().newPage('de-DE');
    await openDemo(page);
    const [moved] = await columnTexts(page, 0);
    const card = page.getByTestId('column').nth(0).getByTestId('card').first();
    await card.getByRole('button', { name: 'Verschieben nach …' }).click();
    await page.getByRole('button', { name: 'Digitale Teilhabe' }).click();
    await expect.poll(async () => (await columnTexts(page, 4)).at(-1)).toBe(moved);
    await waitUntilSaved(page);
    await page.reload();
    await expect.poll(async () => (await columnTexts(page, 4)).at(-1)).toBe(moved);
  });
});
