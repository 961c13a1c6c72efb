// A whole facilitated workshop in the room: Frieda facilitates, Ben and Carla take
// part, each in a separate Chromium launch on one document through the session
// host (running in this test process). It goes through every phase of the default
// agenda and checks what each of them sees: private writing (a private card's text
// is in no other laptop's IndexedDB before the reveal, and is after it), the shared
// timer (the same remaining time on two laptops), the ready check, clustering with
// "Move to …" for one card and for a selection, dot voting within the budget with
// results hidden until the reveal (a participant's dots are in no other laptop's
// IndexedDB before it), "everyone to me", measures derived by a participant while
// the rest of the strategy stays read only, and the read-only close; with axe-core
// checks of the new screens along the way.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addField, addGoal, initWorkshop } from '../../shared/model/commands';
import { listMeasures } from '../../shared/model/read';
import { readVoteEntries } from '../../shared/facilitation/votes';
import { PRIVATE_VOTES_ROOT } from '../../shared/facilitation/voteEntries';
import { seriousViolations } from './support/axe';
import { useRoom } from './support/room';

const FIELD_A = 'Bürgerservice digital';
const FIELD_B = 'Moderne Verwaltung';
const BEN_TEXT = 'Sensoren melden freie Parkplätze in der Altstadt';
const CARLA_TEXT = 'Ein Bürgerkonto für alle Anträge der Stadt';
const CARLA_TEXT_2 = 'Digitale Bauakte statt Papierordner';
const GOAL = 'Alle Anträge online';
const MEASURE = 'Parkleitsystem für die Altstadt';
const WORKSHOP_ID = 'moderation-e2e';

const room = useRoom(WORKSHOP_ID, 'Moderierte Werkstatt');
const pageErrors: string[] = [];

beforeAll(() => {
  const { doc } = room().host;
  initWorkshop(doc, { title: 'Moderierte Werkstatt' });
  const fieldA = addField(doc, { title: FIELD_A });
  addField(doc, { title: FIELD_B });
  addGoal(doc, fieldA, { title: GOAL });
});

async function join(name: string): Promise<Page> {
  const page = await room().join(name, {
    viewport: { width: 1400, height: 1000 },
    // Only for injecting axe-core: the app's CSP rightly refuses inline scripts.
    bypassCSP: true,
    onPageError: (error) => pageErrors.push(`${name}: ${error.message}`),
  });
  await page.getByRole('heading', { name: FIELD_B }).waitFor();
  return page;
}

/** The rows this page's local update log keeps for one document id. */
async function storedRows(page: Page, docId: string): Promise<Uint8Array[]> {
  const rows = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('werkstatt');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ workshopId: string; update: Uint8Array }[]>(
      (resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return all.filter((row) => row.workshopId === id).map((row) => Array.from(row.update));
  }, docId);
  return rows.map((row) => Uint8Array.from(row));
}

/** Keys of the hidden dots this page keeps in its private document, as stored. */
async function storedPrivateVoteKeys(page: Page): Promise<string[]> {
  const rows = await storedRows(page, `${WORKSHOP_ID}:drafts`);
  if (rows.length === 0) return [];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(rows));
  return Array.from(doc.getMap(PRIVATE_VOTES_ROOT).keys());
}

/** How often `needle` (UTF-8) occurs in the rows of this page's local update log. */
function storedOccurrences(page: Page, needle: string): Promise<number> {
  return page.evaluate(async (text) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('werkstatt');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ workshopId: string; update: Uint8Array }[]>(
      (resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    const pattern = new TextEncoder().encode(text);
    let count = 0;
    for (const { update } of rows) {
      const bytes = new Uint8Array(update);
      outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
        for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
        count++;
      }
    }
    return count;
  }, needle);
}

function column(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

function card(page: Page, text: string) {
  return page.getByTestId('card').filter({ hasText: text });
}

async function expectPhase(page: Page, title: string, expectation: string): Promise<void> {
  await page.getByTestId('phase-title').filter({ hasText: title }).waitFor();
  await page.getByTestId('phase-expectation').filter({ hasText: expectation }).waitFor();
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nächste Phase →' }).click();
}

/** No serious or critical axe violations on this screen. */
async function noSeriousViolations(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

function seconds(digits: string): number {
  const [minutes = '0', secs = '0'] = digits.trim().split(':');
  return Number(minutes) * 60 + Number(secs);
}

describe('a facilitated workshop with a facilitator and two participants', () => {
  it('runs through every phase and shows each person what the phase expects', async () => {
    const frieda = await join('Frieda (Moderation)');
    const ben = await join('Ben (IT)');
    const carla = await join('Carla (Kämmerei)');
    const participants = [ben, carla];
    const everyone = [frieda, ben, carla];

    // Free mode until somebody starts facilitation.
    for (const page of everyone) {
      await page.getByRole('button', { name: 'Moderation starten' }).waitFor();
    }
    await noSeriousViolations(frieda, 'free mode bar');
    await frieda.getByRole('button', { name: 'Moderation starten' }).click();

    // Phase 1: collect, privately.
    for (const page of everyone) await page.getByTestId('facilitation-bar').waitFor();
    for (const page of participants) {
      await expectPhase(
        page,
        'Phase 1 von 5: Sammeln',
        'Schreiben Sie Ihre Ideen – nur Sie sehen sie bis zur Aufdeckung.',
      );
      await page.getByText('Moderation: Frieda (Moderation)').waitFor();
      expect(await page.getByRole('button', { name: 'Nächste Phase →' }).count()).toBe(0);
    }
    await frieda.getByText('Sie moderieren diesen Workshop.').waitFor();
    await frieda.getByTestId('ready-count').filter({ hasText: '0 von 2 fertig' }).waitFor();

    await ben.getByLabel(`Neue Karte in „${FIELD_A}“`).fill(BEN_TEXT);
    await ben.getByLabel(`Neue Karte in „${FIELD_A}“`).press('Enter');
    await carla.getByLabel(`Neue Karte in „${FIELD_A}“`).fill(CARLA_TEXT);
    await carla.getByLabel(`Neue Karte in „${FIELD_A}“`).press('Enter');
    await carla.getByLabel(`Neue Karte in „${FIELD_B}“`).fill(CARLA_TEXT_2);
    await carla.getByLabel(`Neue Karte in „${FIELD_B}“`).press('Enter');

    const bensDraft = ben.getByTestId('private-card').filter({ hasText: BEN_TEXT });
    await bensDraft.waitFor();
    expect(await bensDraft.getByText('privat', { exact: true }).count()).toBe(1);
    await frieda
      .getByTestId('private-progress')
      .filter({ hasText: '3 private Karten, von 2 Person(en)' })
      .waitFor();
    // Counts only: neither the facilitator nor Carla sees Ben's text.
    expect(await frieda.getByText(BEN_TEXT).count()).toBe(0);
    expect(await carla.getByText(BEN_TEXT).count()).toBe(0);
    expect(await ben.getByText(CARLA_TEXT).count()).toBe(0);
    await noSeriousViolations(ben, 'participant writing privately');

    // Not in the other laptops' databases either, though Ben's entry did arrive there.
    await expect.poll(() => storedOccurrences(carla, 'Ben (IT)')).toBeGreaterThan(0);
    await expect.poll(() => storedOccurrences(frieda, 'Ben (IT)')).toBeGreaterThan(0);
    expect(await storedOccurrences(carla, BEN_TEXT)).toBe(0);
    expect(await storedOccurrences(frieda, BEN_TEXT)).toBe(0);
    expect(await storedOccurrences(ben, CARLA_TEXT)).toBe(0);
    // Ben's own laptop keeps his draft (the local draft document).
    await expect.poll(() => storedOccurrences(ben, BEN_TEXT)).toBeGreaterThan(0);
    expect(JSON.stringify(room().host.doc.toJSON())).not.toContain(BEN_TEXT);

    // The shared timer shows the same time on two laptops.
    await frieda.getByLabel('Timer-Minuten').fill('2');
    await frieda.getByRole('button', { name: 'Timer starten' }).click();
    for (const page of participants) await page.getByTestId('timer-digits').waitFor();
    const [benTime, carlaTime] = await Promise.all(
      participants.map((page) => page.getByTestId('timer-digits').innerText()),
    );
    expect(Math.abs(seconds(benTime ?? '') - seconds(carlaTime ?? ''))).toBeLessThanOrEqual(1);
    expect(seconds(benTime ?? '')).toBeGreaterThan(100);
    expect(seconds(benTime ?? '')).toBeLessThanOrEqual(120);

    // The ready check.
    await ben.getByRole('button', { name: 'Ich bin fertig' }).click();
    await frieda.getByTestId('ready-count').filter({ hasText: '1 von 2 fertig' }).waitFor();
    expect(
      await ben.getByRole('button', { name: 'Ich bin fertig' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await frieda.locator('summary', { hasText: 'Teilnehmende' }).click();
    await noSeriousViolations(frieda, 'facilitator during private writing');

    // The reveal publishes every private card at once.
    await frieda.getByRole('button', { name: 'Aufdecken' }).click();
    await card(carla, BEN_TEXT).waitFor();
    await card(ben, CARLA_TEXT).waitFor();
    await card(frieda, CARLA_TEXT_2).waitFor();
    expect(await ben.getByTestId('private-card').count()).toBe(0);
    await expect.poll(() => storedOccurrences(carla, BEN_TEXT)).toBeGreaterThan(0);
    await expectPhase(carla, 'Sammeln', 'Die Karten sind aufgedeckt.');
    expect(await card(carla, BEN_TEXT).innerText()).toContain('von Ben (IT)');

    // Phase 2: cluster. Writing is over for participants; the ready check starts again.
    await next(frieda);
    for (const page of participants) {
      await expectPhase(page, 'Phase 2 von 5: Clustern', 'Ordnen Sie die Karten');
      await column(page, FIELD_A)
        .getByText('Neue Karten: In dieser Phase nicht vorgesehen.')
        .waitFor();
    }
    await frieda.getByTestId('ready-count').filter({ hasText: '0 von 2 fertig' }).waitFor();

    await column(ben, FIELD_A).getByRole('button', { name: '+ Neuer Cluster' }).click();
    const clusterName = ben.getByLabel('Name des Clusters');
    await expect.poll(() => clusterName.evaluate((el) => el === document.activeElement)).toBe(true);
    await clusterName.fill('Verkehr und Konten');
    await carla.getByRole('heading', { name: 'Verkehr und Konten' }).waitFor();
    await noSeriousViolations(ben, 'cluster actions');

    // Ben moves his card into the cluster through "Move to …".
    await card(ben, BEN_TEXT).getByRole('button', { name: 'Verschieben nach …' }).click();
    await ben.getByRole('button', { name: '↳ Cluster „Verkehr und Konten“' }).click();
    const carlasCluster = carla.getByTestId('cluster').filter({ hasText: 'Verkehr und Konten' });
    await carlasCluster.getByText(BEN_TEXT).waitFor();

    // Carla moves both her cards at once.
    await carla.getByRole('button', { name: 'Mehrere auswählen' }).click();
    await carla.getByLabel(`Karte „${CARLA_TEXT}“ auswählen`).check();
    await carla.getByLabel(`Karte „${CARLA_TEXT_2}“ auswählen`).check();
    await carla.getByText('2 Karten ausgewählt').waitFor();
    await carla.getByRole('button', { name: 'Auswahl verschieben nach …' }).click();
    await carla.getByRole('button', { name: '↳ Cluster „Verkehr und Konten“' }).click();
    const friedasCluster = frieda.getByTestId('cluster').filter({ hasText: 'Verkehr und Konten' });
    await expect.poll(() => friedasCluster.getByTestId('card').count()).toBe(3);
    await carla.getByRole('button', { name: 'Mehrere auswählen' }).click();

    // Participants change their own cards only.
    const othersEdit = card(carla, BEN_TEXT).getByRole('button', { name: 'Karte bearbeiten' });
    expect(await othersEdit.getAttribute('aria-disabled')).toBe('true');
    expect(await othersEdit.getAttribute('title')).toBe(
      'Sie können nur Ihre eigenen Karten ändern.',
    );
    expect(
      await card(carla, CARLA_TEXT)
        .getByRole('button', { name: 'Karte bearbeiten' })
        .getAttribute('aria-disabled'),
    ).toBeNull();

    // Locking leaves participants read only.
    await frieda.getByRole('button', { name: 'Board sperren' }).click();
    await expectPhase(ben, 'Clustern', 'Das Board ist gesperrt');
    expect(
      await column(ben, FIELD_B)
        .getByRole('button', { name: '+ Neuer Cluster' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    await frieda.getByRole('button', { name: 'Board sperren' }).click();
    await expectPhase(ben, 'Clustern', 'Ordnen Sie die Karten');

    // Phase 3: dot voting, 3 dots each, results hidden until the reveal.
    await next(frieda);
    await frieda.locator('summary', { hasText: 'Regeln der Abstimmung' }).click();
    const rules = frieda.locator('.facilitator-controls .vote-rules').first();
    await rules.getByLabel('Punkte je Person').fill('3');
    await rules.getByLabel('Ergebnis bis zur Aufdeckung verbergen').check();
    for (const page of participants) {
      await expectPhase(page, 'Phase 3 von 5: Punkten', 'Verteilen Sie Ihre 3 Punkte');
      await page.getByTestId('vote-budget').filter({ hasText: 'Noch 3 von 3 Punkten' }).waitFor();
    }
    const give = (page: Page, label: string) =>
      page.getByRole('button', { name: `Punkt für „${label}“ geben` });
    await give(ben, BEN_TEXT).click();
    await ben.getByTestId('vote-budget').filter({ hasText: 'Noch 2 von 3' }).waitFor();
    await give(ben, BEN_TEXT).click();
    await ben.getByTestId('vote-budget').filter({ hasText: 'Noch 1 von 3' }).waitFor();
    await give(ben, CARLA_TEXT_2).click();
    await ben.getByTestId('vote-budget').filter({ hasText: 'Noch 0 von 3' }).waitFor();
    // The budget is spent: the button says why and a click adds nothing.
    const fourth = give(ben, 'Verkehr und Konten');
    expect(await fourth.getAttribute('aria-disabled')).toBe('true');
    await fourth.click({ force: true });
    await give(carla, 'Verkehr und Konten').click();
    await give(carla, 'Verkehr und Konten').click();
    await give(carla, CARLA_TEXT).click();
    await carla.getByTestId('vote-budget').filter({ hasText: 'Noch 0 von 3' }).waitFor();
    await noSeriousViolations(carla, 'participant voting');

    // Hidden from everybody until the reveal: the dots are on the voters' laptops.
    // The facilitator, who does not vote, sees how many have voted.
    await carla.getByText('Das Ergebnis wird nach der Aufdeckung gezeigt.').waitFor();
    expect(await carla.getByTestId('vote-total').count()).toBe(0);
    expect(
      await frieda.getByRole('button', { name: `Punkt für „${BEN_TEXT}“ geben` }).count(),
    ).toBe(0);
    await frieda
      .getByTestId('vote-progress')
      .filter({ hasText: '2 von 2 haben abgestimmt · 6 Punkte vergeben' })
      .waitFor();
    expect(await frieda.getByTestId('ranked-item').count()).toBe(0);
    expect(await frieda.getByTestId('vote-total').count()).toBe(0);

    // Ben's dots are in his own IndexedDB (his private document) and nobody else's.
    await expect.poll(async () => (await storedPrivateVoteKeys(ben)).length).toBe(3);
    const bensDots = await storedPrivateVoteKeys(ben);
    for (const page of [carla, frieda]) {
      const theirs = await storedPrivateVoteKeys(page);
      expect(theirs.filter((key) => bensDots.includes(key))).toEqual([]);
      for (const key of bensDots) expect(await storedOccurrences(page, key)).toBe(0);
    }
    for (const key of bensDots) expect(await storedOccurrences(ben, key)).toBeGreaterThan(0);
    expect(readVoteEntries(room().host.doc, 'default-vote')).toEqual([]);

    await frieda.getByRole('button', { name: 'Abstimmung beenden und Ergebnis zeigen' }).click();
    // Every laptop publishes its dots; then everybody sees the same ranking.
    const ranking = frieda.getByTestId('ranked-item');
    await expect.poll(() => ranking.count()).toBe(4);
    const ranked = (await ranking.allInnerTexts()).map((text) => ({
      rank: /Platz (\d+)/.exec(text)?.[1],
      dots: /(\d+) Punkte?\b/.exec(text)?.[1],
    }));
    expect(ranked).toEqual([
      { rank: '1', dots: '2' },
      { rank: '1', dots: '2' },
      { rank: '3', dots: '1' },
      { rank: '3', dots: '1' },
    ]);
    expect((await ranking.allInnerTexts()).join('\n')).toContain(BEN_TEXT);
    expect((await ranking.allInnerTexts()).join('\n')).toContain('Verkehr und Konten');
    // Ben's fourth click was not counted anywhere.
    expect(await ranking.filter({ hasText: BEN_TEXT }).innerText()).toContain('2 Punkte');
    await carla.getByTestId('vote-results').getByTestId('ranked-item').first().waitFor();
    await expect
      .poll(() => carla.getByTestId('ranked-item').allInnerTexts())
      .toEqual(await ranking.allInnerTexts());
    expect(await give(carla, BEN_TEXT).count()).toBe(0);
    // Now Ben's dots are in the shared document, on every laptop, and gone from his own.
    for (const key of bensDots) {
      await expect.poll(() => storedOccurrences(carla, key)).toBeGreaterThan(0);
    }
    await expect.poll(async () => (await storedPrivateVoteKeys(ben)).length).toBe(0);
    await expect.poll(() => readVoteEntries(room().host.doc, 'default-vote').length).toBe(6);
    await noSeriousViolations(carla, 'vote results');

    // Phase 4: derive measures; "everyone to me" takes the participants along.
    await next(frieda);
    await expectPhase(ben, 'Maßnahmen ableiten', 'Leiten Sie aus den Ergebnissen Maßnahmen ab');
    await frieda.getByRole('button', { name: 'Alle zu mir' }).click();
    await frieda.getByRole('link', { name: 'Strategie' }).click();
    for (const page of participants) {
      await expect.poll(() => page.url()).toMatch(/\/strategy$/);
      await page.getByText('Die Moderation führt gerade alle Bildschirme').waitFor();
    }
    await frieda.getByRole('link', { name: 'Board' }).click();
    for (const page of participants) await expect.poll(() => page.url()).toMatch(/\/board$/);
    await frieda.getByRole('button', { name: 'Alle zu mir' }).click();
    await ben.getByRole('link', { name: 'Strategie' }).click();
    await expect.poll(() => ben.url()).toMatch(/\/strategy$/);
    expect(carla.url()).toMatch(/\/board$/);

    // Participants derive measures; the rest of the strategy stays with the facilitators:
    // read only, still focusable, and saying why.
    const vision = ben.getByLabel('Leitbild');
    expect(await vision.getAttribute('readonly')).not.toBeNull();
    await vision.focus();
    expect(await vision.evaluate((el) => el === document.activeElement)).toBe(true);
    await ben
      .getByTestId('strategy-note')
      .filter({ hasText: 'Maßnahmen können Sie ergänzen und ausfüllen' })
      .waitFor();
    expect(await vision.getAttribute('aria-describedby')).toBe(
      await ben.getByTestId('strategy-note').getAttribute('id'),
    );
    await vision.press('a');
    expect(await vision.inputValue()).toBe('');
    const addGoalButton = ben.getByRole('button', { name: 'Ziel hinzufügen' }).first();
    expect(await addGoalButton.getAttribute('aria-disabled')).toBe('true');
    await ben.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
    const measureTitle = ben.getByLabel('Maßnahme', { exact: true });
    await measureTitle.fill(MEASURE);
    await expect
      .poll(() => listMeasures(room().host.doc).map((measure) => measure.title))
      .toEqual([MEASURE]);
    await noSeriousViolations(ben, 'participant deriving measures');
    await ben.getByRole('link', { name: 'Board' }).click();

    // Phase 5: close. Read only; the last phase has no next one.
    await next(frieda);
    for (const page of participants) {
      await expectPhase(page, 'Phase 5 von 5: Abschluss', 'das Board ist nur noch zum Lesen');
      expect(await page.getByRole('button', { name: 'Ich bin fertig' }).count()).toBe(0);
    }
    const ownEdit = card(carla, CARLA_TEXT).getByRole('button', { name: 'Karte bearbeiten' });
    await expect.poll(() => ownEdit.getAttribute('aria-disabled')).toBe('true');
    expect(await ownEdit.getAttribute('title')).toBe('Im Abschluss ist das Board nur zum Lesen.');
    const nextButton = frieda.getByRole('button', { name: 'Nächste Phase →' });
    expect(await nextButton.getAttribute('aria-disabled')).toBe('true');
    await noSeriousViolations(ben, 'participant at the close');
    // The strategy too is read only for participants now, measures included.
    await ben.getByRole('link', { name: 'Strategie' }).click();
    const closedMeasure = ben.getByLabel('Maßnahme', { exact: true });
    await expect.poll(() => closedMeasure.getAttribute('readonly')).not.toBeNull();
    expect(await closedMeasure.getAttribute('title')).toBe(
      'Im Abschluss ist die Strategie nur zum Lesen.',
    );
    expect(await closedMeasure.inputValue()).toBe(MEASURE);
    await noSeriousViolations(ben, 'participant reading the strategy at the close');
    await ben.getByRole('link', { name: 'Board' }).click();
    await noSeriousViolations(frieda, 'facilitator at the close');

    expect(pageErrors).toEqual([]);
  });
});
