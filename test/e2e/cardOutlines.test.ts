// A board opening with hundreds of cards renders the cards off screen as outlines
// first (their text) and completes them right after: whatever the participant
// scrolls to shows complete cards, and soon every card has its buttons.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storeScaledWorkshop } from '../../bench/ui/board';
import { useE2eEnv } from './support/session';

const env = useE2eEnv();
const CARDS = 600;
const COMPLETE_TIMEOUT_MS = 15_000;

/** Cards at least partly in the viewport that show only their text. */
const outlinesInView = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="card"]')].filter((card) => {
        if (card.querySelector('.drag-handle')) return false;
        const box = card.getBoundingClientRect();
        return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
      }).length,
  );

const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

describe('a board with many cards', () => {
  it('shows complete cards wherever one looks, and completes all of them', async () => {
    const { context, page } = await env().newPage('de-DE');
    const origin = new URL(env().server.url).origin;
    const id = await storeScaledWorkshop(context, origin, CARDS);
    await page.goto(`${origin}/#/w/${id}/board`);
    await page.waitForFunction(
      (cards) => document.querySelectorAll('[data-testid="card"]').length === cards,
      CARDS,
    );
    expect(await outlinesInView(page)).toBe(0);

    for (const fraction of [0.5, 0.9]) {
      await page.evaluate(
        (at) => window.scrollTo(0, document.documentElement.scrollHeight * at),
        fraction,
      );
      await nextFrames(page);
      expect(await outlinesInView(page)).toBe(0);
    }
    // Outline or complete, every card shows its text (the page search finds it).
    const texts = await page.getByTestId('card').allTextContents();
    expect(texts.filter((text) => /\(#\d+\)/.test(text))).toHaveLength(CARDS);

    await page.waitForFunction(
      (cards) => document.querySelectorAll('[data-testid="card"] .drag-handle').length === cards,
      CARDS,
      { timeout: COMPLETE_TIMEOUT_MS, polling: 100 },
    );
  });
});
