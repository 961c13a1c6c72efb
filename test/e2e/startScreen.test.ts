// The start screen: the demo, rename, duplicate, delete with undo, and language.
import { describe, expect, it } from 'vitest';
import { useE2eEnv } from './support/session';

const env = useE2eEnv();

describe('start screen', () => {
  it('opens the German demo workshop with its strategy and board', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await expect.poll(() => page.getByTestId('column').count()).toBe(5);
    expect(await page.getByTestId('card').count()).toBeGreaterThanOrEqual(25);
    expect(await page.getByRole('heading', { name: 'Bürgerservice digital' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Strategie' }).click();
    expect(await page.getByLabel('Leitbild').inputValue()).toContain('Lindenau ist 2030');
    expect(await page.getByTestId('goal').count()).toBe(10);
    const measure = page.getByTestId('measure').first();
    expect(await measure.getByLabel('Federführung').inputValue()).toBe(
      'Hauptamt, SG Digitalisierung',
    );
    expect(await measure.getByLabel('Beteiligte').inputValue()).toContain('Bürgerbüro');
    expect(await measure.getByLabel('Priorität').inputValue()).toBe('high');
    expect(await measure.getByLabel('Status').inputValue()).toBe('inProgress');
  });

  it('renames, duplicates and deletes workshops, with undo', async () => {
    const { page } = await env().newPage('de-DE');
    await page.getByRole('button', { name: 'Neuer Workshop' }).click();
    await page.getByLabel('Titel des neuen Workshops').fill('Klausur Amtsleitungen');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('link', { name: 'Alle Workshops' }).click();

    const items = page.getByTestId('workshop-item');
    await page.getByRole('button', { name: 'Umbenennen: Klausur Amtsleitungen' }).click();
    await page.getByLabel('Neuer Titel').fill('Klausur Amtsleitungen 2027');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('link', { name: 'Klausur Amtsleitungen 2027' }).waitFor();

    await page.getByRole('button', { name: 'Duplizieren: Klausur Amtsleitungen 2027' }).click();
    await page.getByRole('link', { name: 'Klausur Amtsleitungen 2027 (Kopie)' }).waitFor();
    await expect.poll(() => items.count()).toBe(2);

    await page.getByRole('button', { name: 'Löschen: Klausur Amtsleitungen 2027 (Kopie)' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => items.count()).toBe(2);

    await page.getByRole('button', { name: 'Löschen: Klausur Amtsleitungen 2027 (Kopie)' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await page.reload();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.innerText()).toContain('Klausur Amtsleitungen 2027');
  });

  it('starts in English on an English system and switches language, remembered', async () => {
    const { page } = await env().newPage('en-US');
    await page.getByRole('heading', { name: 'Your workshops' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Ihre Workshops' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.reload();
    await page.getByRole('heading', { name: 'Ihre Workshops' }).waitFor();

    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Strategy' }).click();
    await page.getByRole('heading', { name: 'Fields of action' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add goal' }).count()).toBe(5);
  });
});
