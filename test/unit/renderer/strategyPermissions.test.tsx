// @vitest-environment jsdom
// The strategy view follows the running phase (docs/facilitation.md, "Roles and
// permissions"): in free mode everybody edits everything; in a facilitated workshop
// participants add and fill in measures in the "derive measures" phase only, and see
// everything else read only, still focusable and with the reason; facilitators edit
// in every phase. Typing into a read-only field changes nothing in the document.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeFeed } from '../../../shared/model/changeFeed';
import { addField, addGoal, addMeasure, initWorkshop } from '../../../shared/model/commands';
import { listMeasures, readStrategyHeader } from '../../../shared/model/read';
import { goToPhase } from '../../../shared/facilitation/session';
import { StrategyView } from '../../../renderer/components/StrategyView';
import { WorkshopTitleField } from '../../../renderer/components/WorkshopTitleField';
import { readWorkshopInfo } from '../../../shared/model/read';
import { changeLanguage, initI18n } from '../../../renderer/i18n';
import { BEN, boardSession, facilitate, HOST, renderInSession } from './support/boardFixture';
import { buttonNamed, fieldLabelled, typeInto } from './support/userInput';

const STORAGE_KEY = 'werkstatt.participantId';

let container: HTMLDivElement;
let root: Root;
let doc: Y.Doc;
let feed: ChangeFeed;
let goalId: string;

beforeAll(async () => {
  await initI18n();
  changeLanguage('de');
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  doc = new Y.Doc();
  feed = new ChangeFeed(doc);
  initWorkshop(doc, { title: 'Werkstatt' });
  const fieldId = addField(doc, { title: 'Bürgerservice digital' });
  goalId = addGoal(doc, fieldId, { title: 'Alle Anträge online' });
  addMeasure(doc, goalId, { title: 'Bürgerkonto einführen' });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  feed.destroy();
});

/** Shows the strategy view on the laptop of `me`. */
function mount(me: string) {
  localStorage.setItem(STORAGE_KEY, me);
  renderInSession(
    root,
    boardSession({ doc, feed }),
    <>
      <WorkshopTitleField />
      <StrategyView />
    </>,
  );
}

const field = (label: string) => fieldLabelled(container, label);

const button = (name: string) => buttonNamed(container, name);

/** The reason a read-only field gives: the text of what it is described by. */
function reasonOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function expectEditable(element: HTMLInputElement | HTMLTextAreaElement) {
  expect(element.readOnly).toBe(false);
  expect(element.disabled).toBe(false);
}

function expectReadOnly(element: HTMLInputElement | HTMLTextAreaElement, reason: string) {
  expect(element.readOnly).toBe(true);
  // Still focusable and readable by keyboard and screen reader.
  expect(element.disabled).toBe(false);
  expect(element.tabIndex).not.toBe(-1);
  expect(reasonOf(element)).toContain(reason);
  expect(element.title).toContain(reason);
}

const measureCount = () => listMeasures(doc).length;

describe('the strategy view', () => {
  it('lets everybody edit everything in free mode', () => {
    mount(BEN);
    expect(container.querySelector('[data-testid="strategy-note"]')).toBeNull();
    for (const label of ['Leitbild', 'Titel des Handlungsfelds', 'Ziel', 'Maßnahme']) {
      expectEditable(field(label));
    }
    typeInto(field('Leitbild'), 'Eine Stadt für alle');
    expect(readStrategyHeader(doc).vision).toBe('Eine Stadt für alle');
    act(() => button('Handlungsfeld hinzufügen').click());
    expect(container.querySelectorAll('[data-testid="field-section"]')).toHaveLength(2);
  });

  it('is read only for participants outside the derive phase, and says why', () => {
    facilitate(doc, 'default-collect');
    mount(BEN);
    const reason = 'In dieser Phase ist die Strategie nur zum Lesen';
    const note = container.querySelector('[data-testid="strategy-note"]');
    expect(note?.textContent).toContain(reason);
    for (const label of [
      'Leitbild',
      'Titel des Handlungsfelds',
      'Ziel',
      'Maßnahme',
      'Beteiligte',
    ]) {
      expectReadOnly(field(label), reason);
    }
    // A select cannot be read only: the value shows in a read-only text field.
    expect((field('Priorität') as HTMLInputElement).value).toBe('mittel');
    expectReadOnly(field('Priorität'), reason);

    typeInto(field('Leitbild'), 'Heimlich geändert');
    typeInto(field('Maßnahme'), 'Heimlich geändert');
    expect(readStrategyHeader(doc).vision).toBe('');
    expect(listMeasures(doc)[0]?.title).toBe('Bürgerkonto einführen');
    for (const name of ['Handlungsfeld hinzufügen', 'Maßnahme hinzufügen', 'Maßnahme löschen']) {
      expect(button(name).getAttribute('aria-disabled')).toBe('true');
      expect(reasonOf(button(name))).toContain(reason);
    }
    act(() => button('Maßnahme hinzufügen').click());
    expect(measureCount()).toBe(1);
  });

  it('lets participants add and fill in measures in the derive phase, nothing else', () => {
    facilitate(doc, 'default-derive');
    mount(BEN);
    const reason = 'Maßnahmen können Sie ergänzen und ausfüllen';
    expectReadOnly(field('Leitbild'), reason);
    expectReadOnly(field('Ziel'), reason);
    expectEditable(field('Maßnahme'));
    expectEditable(field('Federführung'));
    typeInto(field('Maßnahme'), 'Bürgerkonto für alle Ämter');
    expect(listMeasures(doc)[0]?.title).toBe('Bürgerkonto für alle Ämter');
    act(() => button('Maßnahme hinzufügen').click());
    expect(measureCount()).toBe(2);
    expect(container.querySelectorAll('select')).not.toHaveLength(0);
    // Deleting stays with the facilitators.
    const remove = container.querySelector<HTMLButtonElement>('.measure button.danger');
    expect(remove?.getAttribute('aria-disabled')).toBe('true');
    act(() => remove?.click());
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(measureCount()).toBe(2);

    // The facilitator moves on to the close: now the measures are read only too.
    act(() => {
      goToPhase(doc, HOST, 'default-close', 4);
    });
    expectReadOnly(field('Maßnahme'), 'Im Abschluss ist die Strategie nur zum Lesen.');
  });

  it('lets facilitators edit everything in every phase, the close included', () => {
    facilitate(doc, 'default-close');
    mount(HOST);
    expect(container.querySelector('[data-testid="strategy-note"]')).toBeNull();
    for (const label of ['Leitbild', 'Titel des Handlungsfelds', 'Ziel', 'Maßnahme']) {
      expectEditable(field(label));
    }
    typeInto(field('Leitbild'), 'Digital und nah');
    expect(readStrategyHeader(doc).vision).toBe('Digital und nah');
    act(() => button('Ziel hinzufügen').click());
    expect(container.querySelectorAll('[data-testid="goal"]')).toHaveLength(2);
  });
});

describe('the workshop title in the header', () => {
  const title = () => container.querySelector<HTMLInputElement>('[data-testid="workshop-title"]');

  it("is everybody's to rename in free mode", () => {
    mount(BEN);
    const input = title();
    if (!input) throw new Error('no workshop title field');
    expectEditable(input);
    typeInto(input, 'Werkstatt Nachmittag');
    expect(readWorkshopInfo(doc).title).toBe('Werkstatt Nachmittag');
  });

  it('is read only for participants of a facilitated workshop, with the reason', () => {
    facilitate(doc, 'default-derive');
    mount(BEN);
    const input = title();
    if (!input) throw new Error('no workshop title field');
    expectReadOnly(input, 'Den Namen des Workshops ändert die Moderation');
    typeInto(input, 'Heimlich umbenannt');
    expect(readWorkshopInfo(doc).title).toBe('Werkstatt');
  });

  it("stays the facilitators' to rename in every phase", () => {
    facilitate(doc, 'default-close');
    mount(HOST);
    const input = title();
    if (!input) throw new Error('no workshop title field');
    expectEditable(input);
    typeInto(input, 'Werkstatt 2027');
    expect(readWorkshopInfo(doc).title).toBe('Werkstatt 2027');
  });
});
