// The change feed decides which parts of the screen re-render. A card must wake only
// when that card changed and a column only when cards join, leave or reorder; one
// transaction must wake each subscriber once; and edits arriving from another
// laptop must wake them just like local ones. Stale views and needless re-renders
// of a 200-card board both start here.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeFeed, entityKey } from '../../../shared/model/changeFeed';
import {
  addCard,
  addField,
  addGoal,
  addMeasure,
  deleteCard,
  deleteField,
  initWorkshop,
  moveCard,
  setCardText,
  setFieldText,
  setGoalText,
  setMeasurePartners,
  setMeasurePriority,
  setStrategyText,
  setWorkshopText,
} from '../../../shared/model/commands';
import { readCard } from '../../../shared/model/read';
import { collection } from '../../../shared/schema/doc';
import { LOCAL_ORIGIN } from '../../../shared/schema/origin';
import { pull, replicaOf } from './helpers';

function fixture() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Werkstatt' });
  const f1 = addField(doc, { title: 'Bürgerservice digital' });
  const f2 = addField(doc, { title: 'Moderne Verwaltung' });
  const g1 = addGoal(doc, f1, { title: 'Top-60-Leistungen online' });
  const m1 = addMeasure(doc, g1, { title: 'OZG-Fahrplan', partners: ['Bürgerbüro'] });
  const c1 = addCard(doc, f1, { text: 'Terminbuchung online' });
  const c2 = addCard(doc, f1, { text: 'Bezahlen mit Karte' });
  const c3 = addCard(doc, f2, { text: 'Weniger Papier' });
  const feed = new ChangeFeed(doc);
  return { doc, feed, f1, f2, g1, m1, c1, c2, c3 };
}

/** Counts notifications for every key that exists in the fixture, plus all changes. */
function watch(fx: ReturnType<typeof fixture>, extraKeys: string[] = []) {
  const keys = [
    'fields',
    'goals',
    'measures',
    'cards',
    'strategy',
    'meta',
    entityKey('fields', fx.f1),
    entityKey('fields', fx.f2),
    entityKey('goals', fx.g1),
    entityKey('measures', fx.m1),
    entityKey('cards', fx.c1),
    entityKey('cards', fx.c2),
    entityKey('cards', fx.c3),
    ...extraKeys,
  ];
  const counts = new Map<string, number>();
  for (const key of keys) fx.feed.subscribe(key, () => counts.set(key, (counts.get(key) ?? 0) + 1));
  let all = 0;
  fx.feed.subscribeAll(() => all++);
  return {
    /** The keys that were notified, each with how often. */
    notified: () => Object.fromEntries(counts),
    all: () => all,
  };
}

describe('ChangeFeed', () => {
  it('wakes only the edited card when its text changes', () => {
    const fx = fixture();
    const seen = watch(fx);
    setCardText(fx.doc, fx.c1, 'Terminbuchung online, auch samstags');
    expect(seen.notified()).toEqual({ [entityKey('cards', fx.c1)]: 1 });
    expect(seen.all()).toBe(1);
  });

  it('wakes the column list when a card is added, with the new card’s key', () => {
    const fx = fixture();
    const seen = watch(fx);
    const id = addCard(fx.doc, fx.f2, { text: 'Neue Idee' });
    expect(seen.notified()).toEqual({ cards: 1 });
    expect(fx.feed.version(entityKey('cards', id))).toBe(1);
    expect(fx.feed.version('cards')).toBe(1);
  });

  it('wakes the column list and the card when a card is deleted', () => {
    const fx = fixture();
    const seen = watch(fx);
    deleteCard(fx.doc, fx.c2);
    expect(seen.notified()).toEqual({ cards: 1, [entityKey('cards', fx.c2)]: 1 });
  });

  it('wakes the column list when a card moves to another column', () => {
    const fx = fixture();
    const seen = watch(fx);
    moveCard(fx.doc, fx.c1, fx.f2, 10);
    expect(seen.notified()).toEqual({ cards: 1, [entityKey('cards', fx.c1)]: 1 });
  });

  it('wakes the column list when a card moves within its column', () => {
    const fx = fixture();
    const seen = watch(fx);
    moveCard(fx.doc, fx.c2, fx.f1, 1);
    expect(seen.notified()).toEqual({ cards: 1, [entityKey('cards', fx.c2)]: 1 });
  });

  it('notifies each key once per transaction, however often it was touched', () => {
    const fx = fixture();
    const seen = watch(fx);
    fx.doc.transact(() => {
      setCardText(fx.doc, fx.c1, 'eins');
      setCardText(fx.doc, fx.c1, 'zwei');
      setCardText(fx.doc, fx.c3, 'drei');
      moveCard(fx.doc, fx.c2, fx.f2, 1);
      moveCard(fx.doc, fx.c3, fx.f1, 1);
      setStrategyText(fx.doc, 'title', 'Strategie');
      setStrategyText(fx.doc, 'vision', 'Vision');
    }, LOCAL_ORIGIN);
    expect(seen.notified()).toEqual({
      cards: 1,
      strategy: 1,
      [entityKey('cards', fx.c1)]: 1,
      [entityKey('cards', fx.c2)]: 1,
      [entityKey('cards', fx.c3)]: 1,
    });
    expect(seen.all()).toBe(1);
  });

  it('counts versions per key', () => {
    const fx = fixture();
    const c1 = entityKey('cards', fx.c1);
    const c2 = entityKey('cards', fx.c2);
    expect(fx.feed.version(c1)).toBe(0);
    setCardText(fx.doc, fx.c1, 'eins');
    expect(fx.feed.version(c1)).toBe(1);
    setCardText(fx.doc, fx.c1, 'zwei');
    expect(fx.feed.version(c1)).toBe(2);
    expect(fx.feed.version(c2)).toBe(0);
    expect(fx.feed.version('cards')).toBe(0);
    moveCard(fx.doc, fx.c2, fx.f2, 5);
    expect(fx.feed.version('cards')).toBe(1);
    expect(fx.feed.version(c2)).toBe(1);
    expect(fx.feed.version(c1)).toBe(2);
  });

  it('stays silent for a transaction that changed nothing', () => {
    const fx = fixture();
    const seen = watch(fx);
    setCardText(fx.doc, fx.c1, 'Terminbuchung online');
    fx.doc.transact(() => {}, LOCAL_ORIGIN);
    expect(seen.notified()).toEqual({});
    expect(seen.all()).toBe(0);
    expect(fx.feed.version(entityKey('cards', fx.c1))).toBe(0);
  });

  it('keeps Handlungsfelder, goals and measures apart in the same way', () => {
    const fx = fixture();
    const seen = watch(fx);
    setFieldText(fx.doc, fx.f1, 'description', 'OZG');
    setGoalText(fx.doc, fx.g1, 'target', '100 %');
    setMeasurePartners(fx.doc, fx.m1, ['Bürgerbüro', 'Kämmerei']);
    setMeasurePriority(fx.doc, fx.m1, 'high');
    expect(seen.notified()).toEqual({
      [entityKey('fields', fx.f1)]: 1,
      [entityKey('goals', fx.g1)]: 1,
      [entityKey('measures', fx.m1)]: 2,
    });
    addGoal(fx.doc, fx.f2, { title: 'Neues Ziel' });
    expect(seen.notified()).toMatchObject({ goals: 1 });
  });

  it('wakes everything a cascading delete removed', () => {
    const fx = fixture();
    const seen = watch(fx);
    deleteField(fx.doc, fx.f1);
    expect(seen.notified()).toEqual({
      fields: 1,
      goals: 1,
      measures: 1,
      cards: 1,
      [entityKey('fields', fx.f1)]: 1,
      [entityKey('goals', fx.g1)]: 1,
      [entityKey('measures', fx.m1)]: 1,
      [entityKey('cards', fx.c1)]: 1,
      [entityKey('cards', fx.c2)]: 1,
    });
  });

  it('uses "strategy" and "meta" for the headers', () => {
    const fx = fixture();
    const seen = watch(fx);
    setStrategyText(fx.doc, 'organisation', 'Stadt Lindenau');
    setWorkshopText(fx.doc, 'place', 'Rathaus');
    expect(seen.notified()).toEqual({ strategy: 1, meta: 1 });
  });

  it('wakes subscribers for edits that arrive from another replica', () => {
    const fx = fixture();
    const remote = replicaOf(fx.doc);
    const seen = watch(fx);

    setCardText(remote, fx.c1, 'Terminbuchung online, von drüben');
    Y.applyUpdate(fx.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(fx.doc)));
    expect(seen.notified()).toEqual({ [entityKey('cards', fx.c1)]: 1 });
    expect(readCard(fx.doc, fx.c1)?.text).toBe('Terminbuchung online, von drüben');

    const added = addCard(remote, fx.f2, { text: 'Von drüben' });
    moveCard(remote, fx.c2, fx.f2, 3);
    setStrategyText(remote, 'vision', 'Gemeinsam');
    pull(fx.doc, remote);
    expect(seen.notified()).toEqual({
      cards: 1,
      strategy: 1,
      [entityKey('cards', fx.c1)]: 1,
      [entityKey('cards', fx.c2)]: 1,
    });
    expect(fx.feed.version(entityKey('cards', added))).toBe(1);
    expect(seen.all()).toBe(2);
  });

  it('notifies without throwing when a peer puts garbage into a collection', () => {
    const fx = fixture();
    const seen = watch(fx);
    (collection(fx.doc, 'cards') as Y.Map<unknown>).set('kaputt', 42);
    collection(fx.doc, 'cards').get(fx.c1)?.set('text', 42);
    expect(seen.notified()).toEqual({ cards: 1, [entityKey('cards', fx.c1)]: 1 });
    expect(fx.feed.version(entityKey('cards', 'kaputt'))).toBe(1);
  });

  it('stops notifying after unsubscribe, and a second unsubscribe harms nobody', () => {
    const fx = fixture();
    const key = entityKey('cards', fx.c1);
    let first = 0;
    let second = 0;
    const unsubscribeFirst = fx.feed.subscribe(key, () => first++);
    setCardText(fx.doc, fx.c1, 'eins');
    unsubscribeFirst();
    const unsubscribeSecond = fx.feed.subscribe(key, () => second++);
    unsubscribeFirst();
    setCardText(fx.doc, fx.c1, 'zwei');
    expect([first, second]).toEqual([1, 1]);
    unsubscribeSecond();
    setCardText(fx.doc, fx.c1, 'drei');
    expect([first, second]).toEqual([1, 1]);
  });

  it('is silent after destroy', () => {
    const fx = fixture();
    const seen = watch(fx);
    fx.feed.destroy();
    setCardText(fx.doc, fx.c1, 'eins');
    addCard(fx.doc, fx.f1, { text: 'zwei' });
    expect(seen.notified()).toEqual({});
    expect(seen.all()).toBe(0);
  });
});
