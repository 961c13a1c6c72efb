// A comment half typed survives somebody else moving the card. Ben opens the
// comments of a card and types; Anna, on her laptop, moves that card into a
// cluster, which makes Ben's app build a new element for the card in its new
// place. Ben's comment field is still open there, with his text, the focus and
// the caret where he left them: he types on and sends it, and Anna sees it.
// Two Chromium launches on one document through the session host (support/room.ts).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addField, initWorkshop } from '../../shared/model/commands';
import { writeCard } from '../../shared/facilitation/cards';
import { createCluster } from '../../shared/facilitation/clusters';
import { useRoom } from './support/room';

const FIELD_A = 'Bürgerservice digital';
const FIELD_B = 'Moderne Verwaltung';
const CLUSTER = 'Schnell online';
const CARD_TEXT = 'Online-Termine für alle Bürgerbüros';
const SEEDER = 'seedingHost';
const DRAFT = 'Mit dem Bürgeramt klären';
/** Ben puts the caret this far back from the end before the move arrives. */
const CARET_BACK = 6;

const room = useRoom('card-ui-e2e', 'Karten verschieben');

beforeAll(() => {
  const { doc } = room().host;
  initWorkshop(doc, { title: 'Karten verschieben' });
  const fieldA = addField(doc, { title: FIELD_A });
  const fieldB = addField(doc, { title: FIELD_B });
  writeCard(doc, SEEDER, { fieldId: fieldA, text: CARD_TEXT, now: 1 });
  createCluster(doc, SEEDER, { fieldId: fieldB, name: CLUSTER });
});

async function join(name: string): Promise<Page> {
  const page = await room().join(name);
  await page.getByText(CARD_TEXT).waitFor();
  return page;
}

function theCard(page: Page) {
  return page.getByTestId('card').filter({ hasText: CARD_TEXT });
}

/** The focused element's value and caret, if it is a text field inside a cluster's card. */
function focusedField(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement)) return null;
    return {
      value: active.value,
      caret: active.selectionStart,
      inCluster: active.closest('[data-testid="cluster"] [data-testid="card"]') !== null,
    };
  });
}

describe('a card moved while somebody types a comment on it', () => {
  it('keeps the comment field open, typed and focused, and the comment can be sent', async () => {
    const anna = await join('Anna (Bürgeramt)');
    const ben = await join('Ben (IT)');

    await theCard(ben).getByRole('button', { name: '0 Kommentare' }).click();
    const field = theCard(ben).getByLabel('Neuer Kommentar');
    await field.click();
    await field.pressSequentially(DRAFT);
    for (let i = 0; i < CARET_BACK; i++) await field.press('ArrowLeft');
    const caret = DRAFT.length - CARET_BACK;

    await theCard(anna).getByRole('button', { name: 'Verschieben nach …' }).click();
    await anna.getByRole('button', { name: `↳ Cluster „${CLUSTER}“` }).click();

    await expect
      .poll(() => focusedField(ben), { timeout: 10_000 })
      .toEqual({ value: DRAFT, caret, inCluster: true });
    // Ben types on where he was and sends it.
    await ben.keyboard.type(' heute');
    await ben.keyboard.press('Enter');
    const sent = `${DRAFT.slice(0, caret)} heute${DRAFT.slice(caret)}`;
    await theCard(anna).getByRole('button', { name: '1 Kommentar' }).click();
    await theCard(anna).getByText(sent).waitFor();
    expect(await theCard(ben).getByLabel('Neuer Kommentar').inputValue()).toBe('');
  });
});
