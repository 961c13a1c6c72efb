// A facilitator's first session: create a workshop, build a small strategy, put
// cards in two Handlungsfelder, edit a Ziel, reload: everything is still there.
import { describe, expect, it } from 'vitest';
import { useE2eEnv, waitUntilSaved } from './support/session';

const env = useE2eEnv();

describe('a new workshop', () => {
  it('keeps fields, goals and cards across a reload', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Neuer Workshop' }).click();
    await page.getByLabel('Titel des neuen Workshops').fill('Strategiewerkstatt Kreisverwaltung');
    await page.getByRole('button', { name: 'Anlegen' }).click();

    // A new workshop opens on its strategy: add two Handlungsfelder.
    await page.getByRole('heading', { name: 'Strategie', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    const fields = page.getByTestId('field-section');
    await expect.poll(() => fields.count()).toBe(2);
    await fields.nth(0).getByLabel('Titel des Handlungsfelds').fill('Digitale Leistungen');
    await fields.nth(1).getByLabel('Titel des Handlungsfelds').fill('Datenkompetenz');

    // A Ziel with indicator, baseline and target in the first field.
    await fields.nth(0).getByRole('button', { name: 'Ziel hinzufügen' }).click();
    const goal = fields.nth(0).getByTestId('goal');
    await goal.getByLabel('Ziel', { exact: true }).fill('Alle Anträge online bis 2028');
    await goal.getByLabel('Indikator').fill('Anteil Online-Anträge');
    await goal.getByLabel('Ausgangswert').fill('20 %');
    await goal.getByLabel('Zielwert').fill('100 %');
    // Edit it again, as one does.
    await goal.getByLabel('Zielwert').fill('95 % bis 2028');

    // Cards in both columns of the board.
    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByLabel('Ihr Name oder Ihre Organisationseinheit').fill('Bürgeramt');
    await page.getByLabel('Neue Karte in „Digitale Leistungen“').fill('Termine online buchen');
    await page.getByLabel('Neue Karte in „Digitale Leistungen“').press('Enter');
    await page.getByLabel('Neue Karte in „Datenkompetenz“').fill('Schulung für Excel-Auswertungen');
    await page
      .getByRole('region', { name: 'Datenkompetenz' })
      .getByRole('button', { name: 'Karte hinzufügen' })
      .click();
    await expect.poll(() => page.getByTestId('card').count()).toBe(2);
    await waitUntilSaved(page);

    await page.reload();
    const columns = page.getByTestId('column');
    await expect.poll(() => columns.count()).toBe(2);
    expect(await columns.nth(0).getByTestId('card').allInnerTexts()).toEqual([
      expect.stringContaining('Termine online buchen'),
    ]);
    expect(await columns.nth(0).getByTestId('card').innerText()).toContain('von Bürgeramt');
    expect(await columns.nth(1).getByTestId('card').innerText()).toContain(
      'Schulung für Excel-Auswertungen',
    );

    await page.getByRole('link', { name: 'Strategie' }).click();
    const reloadedGoal = page.getByTestId('goal');
    expect(await reloadedGoal.getByLabel('Ziel', { exact: true }).inputValue()).toBe(
      'Alle Anträge online bis 2028',
    );
    expect(await reloadedGoal.getByLabel('Indikator').inputValue()).toBe('Anteil Online-Anträge');
    expect(await reloadedGoal.getByLabel('Ausgangswert').inputValue()).toBe('20 %');
    expect(await reloadedGoal.getByLabel('Zielwert').inputValue()).toBe('95 % bis 2028');
    expect(await page.getByTestId('workshop-title').inputValue()).toBe(
      'Strategiewerkstatt Kreisverwaltung',
    );
  });

  it('edits and deletes a card', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    const card = page.getByTestId('card').first();
    await card.getByRole('button', { name: 'Karte bearbeiten' }).click();
    await card.getByLabel('Text der Karte').fill('Geänderter Kartentext');
    await card.getByRole('button', { name: 'Fertig' }).click();
    expect(await card.locator('.card-text').innerText()).toBe('Geänderter Kartentext');

    const before = await page.getByTestId('card').count();
    await card.getByRole('button', { name: 'Karte löschen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => page.getByTestId('card').count()).toBe(before - 1);
    await waitUntilSaved(page);
    await page.reload();
    await expect.poll(() => page.getByTestId('card').count()).toBe(before - 1);
    expect(await page.getByText('Geänderter Kartentext').count()).toBe(0);
  });

  it('undoes and redoes one’s own edits with the buttons and the keyboard', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    const cards = page.getByTestId('card');
    await cards.first().waitFor();
    const before = await cards.count();
    const firstText = await cards.first().locator('.card-text').innerText();

    await cards.first().getByRole('button', { name: 'Karte löschen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => cards.count()).toBe(before - 1);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => cards.count()).toBe(before);
    expect(await cards.first().locator('.card-text').innerText()).toBe(firstText);

    await page.getByRole('button', { name: 'Wiederholen' }).click();
    await expect.poll(() => cards.count()).toBe(before - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cards.count()).toBe(before);

    // Typing in the workshop title, then Ctrl+Z in the field, takes the typing back.
    const title = page.getByTestId('workshop-title');
    const original = await title.inputValue();
    await title.click();
    await title.press('End');
    await title.pressSequentially(' – Nachmittag');
    expect(await title.inputValue()).toBe(`${original} – Nachmittag`);
    await title.press('Control+z');
    await expect.poll(() => title.inputValue()).toBe(original);
  });
});
