// The facilitator's tools on one laptop, on the demo workshop: the agenda editor
// (add, retitle, re-time, reorder and remove phases with buttons), clustering
// (create from a selection, rename, recolour, keyboard drag into a cluster with its
// announcement, merge, split, dissolve), comments, search and filters, anonymous
// mode, "no laptop" participants, and the timer's visible and announced end;
// axe-core on each screen, in German and English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { useE2eEnv, waitUntilSaved } from './support/session';

const env = useE2eEnv();
const FIRST_COLUMN = 'Bürgerservice digital';
const KEY_SETTLE_MS = 150;

async function startFacilitatedDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
  await page.getByTestId('card').first().waitFor();
  await page.getByLabel('Ihr Name oder Ihre Organisationseinheit').fill('Frieda Moderation');
  await page.getByRole('button', { name: 'Moderation starten' }).click();
  await page.getByTestId('phase-title').filter({ hasText: 'Phase 1 von 5: Sammeln' }).waitFor();
}

function firstColumn(page: Page) {
  return page.getByRole('region', { name: FIRST_COLUMN, exact: true });
}

function cluster(page: Page, name: string) {
  return page.getByTestId('cluster').filter({
    has: page.getByRole('heading', { name, exact: true }),
  });
}

async function phaseSteps(page: Page): Promise<string[]> {
  return page.locator('.phase-steps li').allInnerTexts();
}

async function noSeriousViolations(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

describe('facilitating on the board', () => {
  it('edits the agenda with buttons: add, retitle, re-time, reorder, remove', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    await page.locator('summary', { hasText: 'Ablauf bearbeiten' }).click();
    const editor = page.getByTestId('agenda-editor');
    await editor.getByLabel('Art der neuen Phase').selectOption('custom');
    await editor.getByRole('button', { name: 'Phase hinzufügen' }).click();
    await expect.poll(() => editor.getByTestId('agenda-row').count()).toBe(6);
    await noSeriousViolations(page, 'agenda editor');

    const added = editor.getByTestId('agenda-row').nth(5);
    await added.getByLabel('Titel (Eigene Phase)').fill('Kaffeepause');
    await added.getByLabel('Zeitrahmen (Minuten)').fill('20');
    await added
      .getByRole('group', { name: 'Teilnehmende dürfen' })
      .getByLabel('kommentieren')
      .check();
    await expect
      .poll(() => phaseSteps(page))
      .toEqual([
        'Sammeln',
        'Clustern',
        'Punkten',
        'Maßnahmen ableiten',
        'Abschluss',
        'Kaffeepause',
      ]);
    // Reorder with the buttons: two steps up, in front of "Maßnahmen ableiten".
    await editor.getByRole('button', { name: '„Kaffeepause“ nach oben' }).click();
    await editor.getByRole('button', { name: '„Kaffeepause“ nach oben' }).click();
    await expect.poll(async () => (await phaseSteps(page))[3]).toBe('Kaffeepause');
    expect(
      await editor.getByRole('button', { name: '„Sammeln“ nach oben' }).getAttribute('title'),
    ).toBe('Steht schon am Anfang.');
    // The running phase cannot be removed; another can.
    const removeRunning = editor.getByRole('button', { name: '„Sammeln“ entfernen' });
    expect(await removeRunning.getAttribute('aria-disabled')).toBe('true');
    await editor.getByRole('button', { name: '„Kaffeepause“ entfernen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => phaseSteps(page)).toHaveLength(5);
    // Start a phase directly from the agenda.
    await editor.getByRole('button', { name: '„Punkten“ jetzt starten' }).click();
    await page.getByTestId('phase-title').filter({ hasText: 'Phase 3 von 5: Punkten' }).waitFor();
    await waitUntilSaved(page);
    await page.reload();
    await page.getByTestId('phase-title').filter({ hasText: 'Phase 3 von 5: Punkten' }).waitFor();
  });

  it('clusters cards: from a selection, by keyboard drag, merge, split, dissolve', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    await page.getByRole('button', { name: 'Nächste Phase →' }).click();
    await page.getByTestId('phase-title').filter({ hasText: 'Clustern' }).waitFor();

    // Two cards selected, a cluster made of them; its name field takes the focus.
    await page.getByRole('button', { name: 'Mehrere auswählen' }).click();
    await page.getByRole('checkbox', { name: 'Karte „Online-Anträge werden heute' }).check();
    await page.getByRole('checkbox', { name: 'Karte „Gewerbeanmeldung komplett online' }).check();
    await page.getByText('2 Karten ausgewählt').waitFor();
    await page.getByRole('button', { name: 'Cluster aus Auswahl bilden' }).click();
    const name = page.getByLabel('Name des Clusters');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await name.fill('Schnell online');
    const online = cluster(page, 'Schnell online');
    await expect.poll(() => online.getByTestId('card').count()).toBe(2);
    await page.getByLabel('Farbe').selectOption('green');
    await expect
      .poll(() => online.evaluate((el) => getComputedStyle(el).borderTopColor))
      .toBe('rgb(27, 115, 64)');
    await noSeriousViolations(page, 'cluster with its actions');
    await page.getByRole('button', { name: 'Mehrere auswählen' }).click();

    // Keyboard drag: the first loose card of the column goes up into the cluster.
    const loose = firstColumn(page).locator('.cards').last().getByTestId('card').first();
    const movedText = await loose.locator('.card-text').innerText();
    await loose.locator('.drag-handle').focus();
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(KEY_SETTLE_MS);
    }
    await expect.poll(() => online.getByTestId('card').count()).toBe(3);
    expect(await online.getByText(movedText).count()).toBe(1);
    const live = await page.locator('[role="status"][aria-live]').allInnerTexts();
    expect(live.join(' ')).toContain('abgelegt in Cluster „Schnell online“');

    // A second cluster, filled through "Move to …", then merged into the first.
    await firstColumn(page).getByRole('button', { name: '+ Neuer Cluster' }).click();
    await page.getByLabel('Name des Clusters').last().fill('Zweiter Cluster');
    const secondCard = firstColumn(page).locator('.cards').last().getByTestId('card').first();
    await secondCard.getByRole('button', { name: 'Verschieben nach …' }).click();
    await page.getByRole('button', { name: '↳ Cluster „Zweiter Cluster“' }).click();
    await expect.poll(() => cluster(page, 'Zweiter Cluster').getByTestId('card').count()).toBe(1);
    const actions = online.getByRole('group', { name: 'Cluster „Schnell online“ bearbeiten' });
    if ((await actions.count()) === 0) {
      await online.getByRole('button', { name: 'Cluster „Schnell online“ bearbeiten' }).click();
    }
    await actions.getByLabel('Anderen Cluster hierher übernehmen').selectOption({
      label: 'Zweiter Cluster',
    });
    await actions.getByRole('button', { name: 'Zusammenführen' }).click();
    await expect.poll(() => page.getByTestId('cluster').count()).toBe(1);
    await expect.poll(() => online.getByTestId('card').count()).toBe(4);

    // Split one selected card off into a cluster of its own.
    await page.getByRole('button', { name: 'Mehrere auswählen' }).click();
    await online.getByTestId('card').first().getByRole('checkbox').check();
    await actions.getByRole('button', { name: 'Ausgewählte Karten abspalten' }).click();
    await expect.poll(() => page.getByTestId('cluster').count()).toBe(2);
    await expect
      .poll(() => cluster(page, 'Schnell online (Teil 2)').getByTestId('card').count())
      .toBe(1);
    await expect.poll(() => online.getByTestId('card').count()).toBe(3);

    // Dissolve: the cards stay in the column, loose.
    const before = await firstColumn(page).getByTestId('card').count();
    await actions.getByRole('button', { name: 'Cluster auflösen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => page.getByTestId('cluster').count()).toBe(1);
    expect(await firstColumn(page).getByTestId('card').count()).toBe(before);
    await waitUntilSaved(page);
    await page.reload();
    await expect.poll(() => page.getByTestId('cluster').count()).toBe(1);
  });

  it('comments on cards, searches and filters them', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    const card = page.getByTestId('card').filter({ hasText: 'Gewerbeanmeldung komplett online' });
    await card.getByRole('button', { name: '0 Kommentare' }).click();
    await card.getByLabel('Neuer Kommentar').fill('Bitte mit dem Datenschutz klären');
    await card.getByRole('button', { name: 'Kommentieren' }).click();
    await card.getByText('Bitte mit dem Datenschutz klären').waitFor();
    await card.getByRole('button', { name: '1 Kommentar' }).waitFor();
    expect(await card.getByText('von Frieda Moderation').count()).toBe(1);
    await noSeriousViolations(page, 'comments');

    // Search matches words in comments too, ignoring case and accents.
    await page.getByLabel('Karten suchen').fill('datenschutz');
    await page.getByText('1 Karte gefunden').waitFor();
    await expect.poll(() => page.getByTestId('card').locator('visible=true').count()).toBe(1);
    await page.getByLabel('Karten suchen').fill('online');
    await expect
      .poll(() => page.getByTestId('card').locator('visible=true').count())
      .toBeGreaterThan(2);
    await page.getByLabel('nur mit Kommentaren').check();
    await expect.poll(() => page.getByTestId('card').locator('visible=true').count()).toBe(1);
    await noSeriousViolations(page, 'search');
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect.poll(() => page.getByTestId('card').locator('visible=true').count()).toBe(26);

    // The column filter shows one Handlungsfeld.
    await page.getByLabel('Handlungsfeld', { exact: true }).selectOption({ label: FIRST_COLUMN });
    await expect.poll(() => page.getByTestId('column').count()).toBe(1);
    await page.getByLabel('Handlungsfeld', { exact: true }).selectOption({
      label: 'Alle Handlungsfelder',
    });
    await expect.poll(() => page.getByTestId('column').count()).toBe(5);

    // The author filter lists who wrote cards here.
    await page.getByLabel('Verfasst von').selectOption({ label: 'Frieda Moderation' });
    await page.getByText('0 Karten gefunden').waitFor();
  });

  it('hides names in anonymous mode and publishes private cards without an author', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    await page.getByRole('button', { name: 'Anonym' }).click();
    await page.locator('.facilitation-bar .badge', { hasText: 'Anonym' }).waitFor();
    // Older cards lose their names on screen too; authors are no filter any more.
    await expect.poll(() => page.getByText('von Bürgerbüro, Meldewesen').count()).toBe(0);
    expect(await page.getByLabel('Verfasst von').count()).toBe(0);

    const input = page.getByLabel(`Neue Karte in „${FIRST_COLUMN}“`);
    await input.fill('Anonyme Idee: Bürgerbüro am Samstag');
    await input.press('Enter');
    await page.getByTestId('private-card').filter({ hasText: 'Anonyme Idee' }).waitFor();
    await page.getByTestId('private-progress').filter({ hasText: '1 Person hat' }).waitFor();
    await page.getByRole('button', { name: 'Aufdecken' }).click();
    const published = page.getByTestId('card').filter({ hasText: 'Anonyme Idee' });
    await published.waitFor();
    expect(await published.innerText()).not.toContain('Frieda');
  });

  it('enters cards, "done" and dots for a participant without a laptop', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    await page.locator('summary', { hasText: 'Teilnehmende' }).click();
    await page.getByLabel('Person ohne Laptop').fill('Erika Papier');
    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    await page.getByTestId('ready-count').filter({ hasText: '0 von 1 fertig' }).waitFor();
    await page.getByLabel('fertig: Erika Papier').check();
    await page.getByTestId('ready-count').filter({ hasText: '1 von 1 fertig' }).waitFor();
    await noSeriousViolations(page, 'people with a proxy');

    // Her paper card, typed by the facilitator: private until the reveal, then hers.
    await page.getByLabel('Eingabe für').selectOption({ label: 'Erika Papier' });
    const input = page.getByLabel(`Neue Karte in „${FIRST_COLUMN}“`);
    expect(await input.getAttribute('placeholder')).toContain('Erika Papier');
    await input.fill('Sprechstunde im Rathaus auch samstags');
    await input.press('Enter');
    const draft = page.getByTestId('private-card').filter({ hasText: 'Sprechstunde im Rathaus' });
    await draft.getByText('für Erika Papier').waitFor();
    await page.getByRole('button', { name: 'Aufdecken' }).click();
    const card = page.getByTestId('card').filter({ hasText: 'Sprechstunde im Rathaus' });
    await card.getByText('von Erika Papier').waitFor();
    await card.getByText('für jemanden ohne Laptop eingetragen').waitFor();

    // Her dots: the facilitator does not vote, but votes for her within her budget.
    await page.getByRole('button', { name: 'Nächste Phase →' }).click();
    await page.getByRole('button', { name: 'Nächste Phase →' }).click();
    await page
      .getByTestId('vote-budget')
      .filter({ hasText: 'Erika Papier: noch 5 von 5 Punkten' })
      .waitFor();
    await card.getByRole('button', { name: /^Punkt für „Sprechstunde/ }).click();
    await page.getByTestId('vote-budget').filter({ hasText: 'noch 4 von 5' }).waitFor();
    await card.getByTestId('vote-total').filter({ hasText: '1 Punkt' }).waitFor();
    await page.getByLabel('Eingabe für').selectOption({ label: 'mich selbst' });
    await expect.poll(() => page.getByTestId('vote-budget').count()).toBe(0);
    expect(await card.getByRole('button', { name: /^Punkt für/ }).count()).toBe(0);
  });

  it('ends the timer visibly and for screen readers, in German and English', async () => {
    const { page } = await env().newPage('de-DE', { bypassCSP: true });
    await startFacilitatedDemo(page);
    await page.getByLabel('Timer-Minuten').fill('0.05');
    await page.getByRole('button', { name: 'Timer starten' }).click();
    await page.getByTestId('timer').and(page.locator('[data-state="running"]')).waitFor();
    await page.getByTestId('timer').and(page.locator('[data-state="ended"]')).waitFor();
    await page.getByTestId('timer').getByText('Zeit ist um').waitFor();
    await page.getByTestId('announcer').filter({ hasText: 'Die Zeit ist um.' }).waitFor();
    await noSeriousViolations(page, 'timer ended');

    await page.getByRole('button', { name: '+1 Min.' }).click();
    await page.getByTestId('timer').and(page.locator('[data-state="running"]')).waitFor();
    await page.getByRole('button', { name: 'Timer beenden' }).click();
    await page.getByTestId('timer').and(page.locator('[data-state="idle"]')).waitFor();

    // An ended timer does not carry its "time is up" into the next phase.
    await page.getByLabel('Timer-Minuten').fill('0.03');
    await page.getByRole('button', { name: 'Timer starten' }).click();
    await page.getByTestId('timer').and(page.locator('[data-state="ended"]')).waitFor();
    await page.getByRole('button', { name: 'Nächste Phase →' }).click();
    await page.getByTestId('timer').and(page.locator('[data-state="idle"]')).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('phase-title').filter({ hasText: 'Phase 2 of 5: Cluster' }).waitFor();
    await page
      .getByTestId('phase-expectation')
      .filter({ hasText: 'Sort the cards: drag similar ones into clusters' })
      .waitFor();
    await page.locator('summary', { hasText: 'Edit agenda' }).click();
    await noSeriousViolations(page, 'facilitation bar in English');
  });
});
