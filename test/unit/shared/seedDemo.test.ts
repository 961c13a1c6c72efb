// The demo workshop is the first thing a new user opens and the seed that other
// tests and benchmarks scale up. It has to be complete (every Handlungsfeld with
// goals, measures with all their attributes, a full board of cards), German, the
// same on every machine, and written in one transaction so that it lands in the
// database and the undo history as one step.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_WORKSHOP, type DemoWorkshop } from '../../../shared/demo/demoContent';
import { seedDemo } from '../../../shared/demo/seedDemo';
import {
  listCardIds,
  listCards,
  listFields,
  listGoals,
  listMeasures,
  readStrategyHeader,
  readWorkshopInfo,
} from '../../../shared/model/read';
import { LOCAL_ORIGIN } from '../../../shared/schema/origin';
import { MEASURE_STATUSES, PRIORITIES } from '../../../shared/schema/types';
import { SCHEMA_VERSION } from '../../../shared/schema/version';
import { replicaOf, transactionsDuring } from './helpers';

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedDemo(doc);
  return doc;
}

/** Everything a user sees, without the random ids. */
function visibleContent(doc: Y.Doc) {
  return {
    info: readWorkshopInfo(doc),
    strategy: readStrategyHeader(doc),
    fields: listFields(doc).map((field) => ({
      title: field.title,
      description: field.description,
      goals: listGoals(doc, field.id).map(({ id, fieldId: _f, position: _p, ...goal }) => ({
        ...goal,
        measures: listMeasures(doc, id).map(({ id: _i, goalId: _g, position: _q, ...m }) => m),
      })),
      cards: listCards(doc, field.id).map(({ text, author, createdAt }) => ({
        text,
        author,
        createdAt,
      })),
    })),
  };
}

describe('seedDemo', () => {
  it('writes the whole demo in one LOCAL_ORIGIN transaction', () => {
    const doc = new Y.Doc();
    const transactions = transactionsDuring(doc, () => seedDemo(doc));
    expect(transactions).toHaveLength(1);
    expect(transactions[0]?.origin).toBe(LOCAL_ORIGIN);
    expect(listCards(doc).length).toBeGreaterThan(0);
  });

  it('has a workshop header and a strategy with a vision', () => {
    const doc = seeded();
    const info = readWorkshopInfo(doc);
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info.title.length).toBeGreaterThan(5);
    expect(info.place.length).toBeGreaterThan(5);
    const strategy = readStrategyHeader(doc);
    expect(strategy.title.length).toBeGreaterThan(5);
    expect(strategy.organisation.length).toBeGreaterThan(5);
    expect(strategy.vision.length).toBeGreaterThan(100);
  });

  it('has five Handlungsfelder, each with goals whose measures are fully filled in', () => {
    const doc = seeded();
    const fields = listFields(doc);
    expect(fields).toHaveLength(5);
    const priorities = new Set<string>();
    const statuses = new Set<string>();
    for (const field of fields) {
      expect(field.title).not.toBe('');
      expect(field.description).not.toBe('');
      const goals = listGoals(doc, field.id);
      expect(goals.length).toBeGreaterThanOrEqual(1);
      for (const goal of goals) {
        for (const text of [goal.title, goal.indicator, goal.baseline, goal.target])
          expect(text).not.toBe('');
        const measures = listMeasures(doc, goal.id);
        expect(measures.length).toBeGreaterThanOrEqual(1);
        for (const measure of measures) {
          for (const text of [
            measure.title,
            measure.lead,
            measure.period,
            measure.funding,
            measure.indicators,
          ])
            expect(text).not.toBe('');
          expect(measure.partners.length).toBeGreaterThanOrEqual(1);
          for (const partner of measure.partners) expect(partner).not.toBe('');
          expect(PRIORITIES).toContain(measure.priority);
          expect(MEASURE_STATUSES).toContain(measure.status);
          priorities.add(measure.priority);
          statuses.add(measure.status);
        }
      }
    }
    // Priority and status are really written, not read back as the defaults.
    expect(priorities.size).toBeGreaterThan(1);
    expect(statuses.size).toBeGreaterThan(1);
  });

  it('has at least 25 cards, each in an existing column, with text and author', () => {
    const doc = seeded();
    const fields = listFields(doc);
    const fieldIds = new Set(fields.map((field) => field.id));
    const cards = listCards(doc);
    expect(cards.length).toBeGreaterThanOrEqual(25);
    for (const card of cards) {
      expect(fieldIds.has(card.fieldId)).toBe(true);
      expect(card.text).not.toBe('');
      expect(card.author).not.toBe('');
    }
    for (const field of fields) expect(listCardIds(doc, field.id).length).toBeGreaterThan(0);
    expect(new Set(cards.map((card) => card.createdAt)).size).toBe(cards.length);
  });

  it('is written in German', () => {
    const doc = seeded();
    const texts = [
      readStrategyHeader(doc).vision,
      ...listFields(doc).flatMap((field) => [field.title, field.description]),
      ...listGoals(doc).map((goal) => goal.title),
      ...listMeasures(doc).map((measure) => measure.title),
      ...listCards(doc).map((card) => card.text),
    ];
    const words = texts
      .join(' ')
      .toLowerCase()
      .split(/[^a-zäöüß]+/);
    const german = new Set([
      'und',
      'der',
      'die',
      'das',
      'für',
      'mit',
      'von',
      'im',
      'ist',
      'werden',
    ]);
    const english = new Set(['the', 'and', 'with', 'for', 'of', 'is']);
    expect(words.filter((word) => german.has(word)).length).toBeGreaterThan(30);
    expect(words.filter((word) => english.has(word))).toEqual([]);
    expect(texts.filter((text) => /[äöüß]/i.test(text)).length).toBeGreaterThan(texts.length / 4);
  });

  it('shows exactly the built-in content, in its order', () => {
    const content = visibleContent(seeded());
    expect(content.info).toMatchObject(DEMO_WORKSHOP.workshop);
    expect(content.strategy).toEqual(DEMO_WORKSHOP.strategy);
    expect(content.fields.map((field) => field.title)).toEqual(
      DEMO_WORKSHOP.fields.map((field) => field.title),
    );
    content.fields.forEach((field, index) => {
      const demo = DEMO_WORKSHOP.fields[index];
      expect(field.goals).toEqual(
        demo?.goals.map((goal) => ({
          ...goal,
          measures: goal.measures.map((measure) => ({ ...measure })),
        })),
      );
      expect(field.cards.map(({ text, author }) => ({ text, author }))).toEqual(demo?.cards);
    });
  });

  it('looks the same on every machine and after syncing', () => {
    const a = seeded();
    const b = seeded();
    expect(visibleContent(b)).toEqual(visibleContent(a));
    expect(visibleContent(replicaOf(a))).toEqual(visibleContent(a));
  });

  it('seeds a custom workshop as well', () => {
    const demo: DemoWorkshop = {
      workshop: { title: 'Klein', date: '2027-01-01', place: 'Online' },
      strategy: { title: 'S', organisation: 'O', vision: 'V' },
      fields: [
        {
          title: 'Nur ein Feld',
          description: 'Beschreibung',
          goals: [],
          cards: [{ author: 'Ich', text: 'Eine Karte' }],
        },
      ],
    };
    const doc = new Y.Doc();
    seedDemo(doc, demo);
    expect(listFields(doc).map((field) => field.title)).toEqual(['Nur ein Feld']);
    expect(listCards(doc).map((card) => card.text)).toEqual(['Eine Karte']);
    expect(listGoals(doc)).toEqual([]);
  });
});
