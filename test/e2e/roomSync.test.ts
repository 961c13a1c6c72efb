// Two participants in separate Chromium launches join a session by its code from
// the host's own address, co-edit one board through the relay, and a wrong code
// is refused. The host runs in this test process, as in browser mode or `npm run host`.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scaledDemo } from '../../bench/scaledDemo';
import { seedDemo } from '../../shared/demo/seedDemo';
import { useRoom } from './support/room';

const LATE_JOIN_CARDS = 2000;
const room = useRoom('raum-e2e', 'Werkstatt im Raum');

describe('co-editing in the room', () => {
  it('refuses a wrong join code with a clear message', async () => {
    const page = await room().join('Falscher Code', { code: 'AAAA-AAAA' });
    await page.getByRole('alert').filter({ hasText: 'Beitrittscode stimmt nicht' }).waitFor();
    expect(page.url()).toContain('#/join');
  });

  it('syncs cards and presence between two participants through the relay', async () => {
    const anna = await room().join('Anna (Bürgeramt)');
    const ben = await room().join('Ben (IT)');
    for (const page of [anna, ben]) {
      await page.getByTestId('connection-status').filter({ hasText: 'Verbunden' }).waitFor();
    }
    await anna.getByTestId('connection-status').filter({ hasText: '1 weitere Person' }).waitFor();

    // Anna creates the first Handlungsfeld; Ben sees the column appear.
    await anna.getByRole('link', { name: 'Strategie' }).click();
    await anna.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
    await anna.getByLabel('Titel des Handlungsfelds').fill('Digitale Bürgerdienste');
    await ben.getByRole('heading', { name: 'Digitale Bürgerdienste' }).waitFor();

    await ben
      .getByLabel('Neue Karte in „Digitale Bürgerdienste“')
      .fill('Termine online buchen, für alle Bürgerbüros');
    await ben.getByLabel('Neue Karte in „Digitale Bürgerdienste“').press('Enter');
    await anna.getByRole('link', { name: 'Board' }).click();
    await anna.getByText('Termine online buchen, für alle Bürgerbüros').waitFor();

    // The host's replica has it too: a latecomer gets it from there.
    await expect
      .poll(() => JSON.stringify(room().host.doc.getMap('cards').toJSON()))
      .toContain('Termine online buchen');
    expect(room().host.connections().length).toBeGreaterThanOrEqual(2);
  });
});

describe('a latecomer', () => {
  it('gets a 2,000-card board from the relay', async () => {
    const seeded = new Y.Doc();
    seedDemo(seeded, scaledDemo(LATE_JOIN_CARDS));
    Y.applyUpdate(room().host.doc, Y.encodeStateAsUpdate(seeded));
    const late = await room().join('Spät dazu');
    await expect
      .poll(() => late.getByTestId('card').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(LATE_JOIN_CARDS);
    await late.getByRole('heading', { name: 'Digitale Teilhabe' }).waitFor();
  });
});
