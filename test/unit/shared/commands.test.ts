// Commands are the only way the app changes a workshop and read functions the only
// way it looks into one. Undo and persistence rely on every command being exactly
// one transaction tagged LOCAL_ORIGIN; the board relies on reads returning what was
// written in position order, on deletes taking their dependants along, and on reads
// surviving whatever a peer or an old file put into the document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as commands from '../../../shared/model/commands';
import {
  addCard,
  addField,
  addGoal,
  addMeasure,
  deleteCard,
  deleteField,
  deleteGoal,
  deleteMeasure,
  initWorkshop,
  moveCard,
  setCardText,
  setFieldText,
  setGoalText,
  setMeasurePartners,
  setMeasurePriority,
  setMeasureStatus,
  setMeasureText,
  setStrategyText,
  setWorkshopText,
} from '../../../shared/model/commands';
import { POSITION_STEP, positionBetween } from '../../../shared/model/position';
import {
  listCardIds,
  listCards,
  listFields,
  listGoals,
  listMeasures,
  readCard,
  readField,
  readGoal,
  readMeasure,
  readStrategyHeader,
  readWorkshopInfo,
} from '../../../shared/model/read';
import { collection, metaMap, strategyMap } from '../../../shared/schema/doc';
import { LOCAL_ORIGIN } from '../../../shared/schema/origin';
import { SCHEMA_VERSION } from '../../../shared/schema/version';
import { pull, replicaOf, syncAll, transactionsDuring } from './helpers';

/** A small workshop: two Handlungsfelder, each with a goal, a measure and cards. */
function fixture() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Werkstatt', date: '2027-03-11', place: 'Rathaus' });
  const f1 = addField(doc, { title: 'Bürgerservice digital' });
  const f2 = addField(doc, { title: 'Moderne Verwaltung' });
  const g1 = addGoal(doc, f1, { title: 'Top-60-Leistungen online' });
  const g2 = addGoal(doc, f2, { title: 'E-Akte eingeführt' });
  const m1 = addMeasure(doc, g1, {
    title: 'OZG-Fahrplan',
    partners: ['Bürgerbüro', 'Ordnungsamt'],
  });
  const m2 = addMeasure(doc, g2, { title: 'E-Akte Pilotamt' });
  const c1 = addCard(doc, f1, { text: 'Terminbuchung online', createdAt: 1 });
  const c2 = addCard(doc, f1, { text: 'Bezahlen mit Karte', createdAt: 2 });
  const c3 = addCard(doc, f2, { text: 'Weniger Papier', createdAt: 3 });
  return { doc, f1, f2, g1, g2, m1, m2, c1, c2, c3 };
}

type Fixture = ReturnType<typeof fixture>;

const COMMAND_CALLS: Record<keyof typeof commands, (fx: Fixture) => void> = {
  initWorkshop: ({ doc }) => initWorkshop(doc, { title: 'Neue Werkstatt' }),
  setWorkshopText: ({ doc }) => setWorkshopText(doc, 'place', 'Bürgerhaus'),
  setStrategyText: ({ doc }) => setStrategyText(doc, 'vision', 'Lindenau 2030'),
  addField: ({ doc }) => addField(doc, { title: 'Daten' }),
  setFieldText: ({ doc, f1 }) => setFieldText(doc, f1, 'description', 'OZG umsetzen'),
  deleteField: ({ doc, f1 }) => deleteField(doc, f1),
  addGoal: ({ doc, f1 }) => addGoal(doc, f1, { title: 'Weniger Wartezeit' }),
  setGoalText: ({ doc, g1 }) => setGoalText(doc, g1, 'target', '100 %'),
  deleteGoal: ({ doc, g1 }) => deleteGoal(doc, g1),
  addMeasure: ({ doc, g1 }) => addMeasure(doc, g1, { title: 'Schulung', partners: ['Personal'] }),
  setMeasureText: ({ doc, m1 }) => setMeasureText(doc, m1, 'lead', 'Hauptamt'),
  setMeasurePartners: ({ doc, m1 }) => setMeasurePartners(doc, m1, ['Bürgerbüro', 'Kämmerei']),
  setMeasurePriority: ({ doc, m1 }) => setMeasurePriority(doc, m1, 'high'),
  setMeasureStatus: ({ doc, m1 }) => setMeasureStatus(doc, m1, 'done'),
  deleteMeasure: ({ doc, m1 }) => deleteMeasure(doc, m1),
  addCard: ({ doc, f2 }) => addCard(doc, f2, { text: 'Noch eine Idee' }),
  setCardText: ({ doc, c1 }) => setCardText(doc, c1, 'Termine online buchen'),
  moveCard: ({ doc, c1, f2 }) => moveCard(doc, c1, f2, POSITION_STEP / 2),
  deleteCard: ({ doc, c1 }) => deleteCard(doc, c1),
};

describe('every command', () => {
  it('is covered by this table', () => {
    expect(Object.keys(COMMAND_CALLS).sort()).toEqual(Object.keys(commands).sort());
  });

  it.each(Object.entries(COMMAND_CALLS))('%s runs as one LOCAL_ORIGIN transaction', (_, call) => {
    const fx = fixture();
    const before = Y.encodeStateVector(fx.doc);
    const transactions = transactionsDuring(fx.doc, () => call(fx));
    expect(transactions).toHaveLength(1);
    const [transaction] = transactions;
    expect(transaction?.origin).toBe(LOCAL_ORIGIN);
    expect(transaction?.local).toBe(true);
    // ...and the command really changed the document.
    expect(Y.encodeStateAsUpdate(fx.doc, before).length).toBeGreaterThan(2);
  });

  it('joins an enclosing transaction instead of starting its own', () => {
    const fx = fixture();
    const transactions = transactionsDuring(fx.doc, () =>
      fx.doc.transact(() => {
        for (const call of Object.values(COMMAND_CALLS)) call(fx);
      }, LOCAL_ORIGIN),
    );
    expect(transactions).toHaveLength(1);
  });
});

describe('reading back what commands wrote', () => {
  it('returns the workshop header and the strategy header', () => {
    const doc = new Y.Doc();
    expect(readWorkshopInfo(doc)).toEqual({ title: '', date: '', place: '', schemaVersion: 0 });
    initWorkshop(doc, { title: 'Werkstatt Lindenau', date: '2027-03-11' });
    setWorkshopText(doc, 'place', 'Rathaus, Großer Sitzungssaal');
    setStrategyText(doc, 'title', 'Digitalstrategie 2030');
    setStrategyText(doc, 'organisation', 'Stadt Lindenau');
    setStrategyText(doc, 'vision', 'Verwaltung rund um die Uhr erreichbar');
    expect(readWorkshopInfo(doc)).toEqual({
      title: 'Werkstatt Lindenau',
      date: '2027-03-11',
      place: 'Rathaus, Großer Sitzungssaal',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(readStrategyHeader(doc)).toEqual({
      title: 'Digitalstrategie 2030',
      organisation: 'Stadt Lindenau',
      vision: 'Verwaltung rund um die Uhr erreichbar',
    });
  });

  it('lists Handlungsfelder in the order they were added', () => {
    const doc = new Y.Doc();
    const titles = ['Bürgerservice', 'Verwaltung', 'Infrastruktur', 'Daten', 'Kompetenzen'];
    const ids = titles.map((title) => addField(doc, { title, description: `Über ${title}` }));
    const fields = listFields(doc);
    expect(fields.map((field) => field.id)).toEqual(ids);
    expect(fields.map((field) => field.title)).toEqual(titles);
    expect(fields[0]).toEqual({
      id: ids[0],
      title: 'Bürgerservice',
      description: 'Über Bürgerservice',
      position: fields[0]?.position,
    });
    for (const field of fields) expect(readField(doc, field.id)).toEqual(field);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists goals per Handlungsfeld in order, with all their texts', () => {
    const { doc, f1, f2, g1, g2 } = fixture();
    const g3 = addGoal(doc, f1, {
      title: 'Wartezeit im Bürgerbüro halbiert',
      indicator: 'Mittlere Wartezeit',
      baseline: '38 Minuten',
      target: 'unter 20 Minuten',
    });
    expect(listGoals(doc, f1).map((goal) => goal.id)).toEqual([g1, g3]);
    expect(listGoals(doc, f2).map((goal) => goal.id)).toEqual([g2]);
    expect(listGoals(doc).map((goal) => goal.id)).toHaveLength(3);
    expect(readGoal(doc, g3)).toEqual({
      id: g3,
      fieldId: f1,
      title: 'Wartezeit im Bürgerbüro halbiert',
      indicator: 'Mittlere Wartezeit',
      baseline: '38 Minuten',
      target: 'unter 20 Minuten',
      position: listGoals(doc, f1)[1]?.position,
    });
    expect(readGoal(doc, g1)).toMatchObject({ indicator: '', baseline: '', target: '' });
  });

  it('returns measures with every attribute, and defaults for the ones not given', () => {
    const { doc, g1, m1 } = fixture();
    const m3 = addMeasure(doc, g1, {
      title: 'Schnittstellen zu den Fachverfahren',
      lead: 'Kommunale Datenzentrale',
      partners: ['Hauptamt', 'Fachämter'],
      period: '2026–2028',
      priority: 'high',
      funding: 'Digitalpakt Kommunen',
      status: 'inProgress',
      indicators: 'Anteil Anträge ohne Nacherfassung',
    });
    expect(listMeasures(doc, g1).map((measure) => measure.id)).toEqual([m1, m3]);
    expect(readMeasure(doc, m3)).toEqual({
      id: m3,
      goalId: g1,
      title: 'Schnittstellen zu den Fachverfahren',
      lead: 'Kommunale Datenzentrale',
      partners: ['Hauptamt', 'Fachämter'],
      period: '2026–2028',
      priority: 'high',
      funding: 'Digitalpakt Kommunen',
      status: 'inProgress',
      indicators: 'Anteil Anträge ohne Nacherfassung',
      position: listMeasures(doc, g1)[1]?.position,
    });
    const bare = addMeasure(doc, g1, { title: 'Nur ein Titel' });
    expect(readMeasure(doc, bare)).toMatchObject({
      lead: '',
      partners: [],
      period: '',
      priority: 'medium',
      funding: '',
      status: 'planned',
      indicators: '',
    });
  });

  it('returns cards of a column in board order', () => {
    const { doc, f1, f2, c1, c2, c3 } = fixture();
    const c4 = addCard(doc, f1, { text: 'Chatbot', author: 'Bürgerbüro', createdAt: 1_700_000 });
    expect(listCardIds(doc, f1)).toEqual([c1, c2, c4]);
    expect(listCards(doc, f1).map((card) => card.text)).toEqual([
      'Terminbuchung online',
      'Bezahlen mit Karte',
      'Chatbot',
    ]);
    expect(listCardIds(doc, f2)).toEqual([c3]);
    expect(listCards(doc)).toHaveLength(4);
    expect(readCard(doc, c4)).toEqual({
      id: c4,
      fieldId: f1,
      text: 'Chatbot',
      author: 'Bürgerbüro',
      createdAt: 1_700_000,
      position: listCards(doc, f1)[2]?.position,
    });
  });

  it('reads back edited texts, priorities and statuses', () => {
    const { doc, f1, g1, m1, c1 } = fixture();
    setFieldText(doc, f1, 'title', 'Bürgerservice – digital und barrierefrei');
    setFieldText(doc, f1, 'description', 'OZG Ende-zu-Ende');
    setGoalText(doc, g1, 'indicator', 'Anteil Online-Leistungen');
    setMeasureText(doc, m1, 'period', 'Q3/2026');
    setMeasurePriority(doc, m1, 'low');
    setMeasureStatus(doc, m1, 'paused');
    setCardText(doc, c1, 'Termine online buchen 📅');
    expect(readField(doc, f1)).toMatchObject({
      title: 'Bürgerservice – digital und barrierefrei',
      description: 'OZG Ende-zu-Ende',
    });
    expect(readGoal(doc, g1)?.indicator).toBe('Anteil Online-Leistungen');
    expect(readMeasure(doc, m1)).toMatchObject({
      period: 'Q3/2026',
      priority: 'low',
      status: 'paused',
    });
    expect(readCard(doc, c1)?.text).toBe('Termine online buchen 📅');
  });

  it('ignores edits of entities that no longer exist', () => {
    const { doc, c1 } = fixture();
    deleteCard(doc, c1);
    const before = Y.encodeStateVector(doc);
    setCardText(doc, c1, 'zu spät');
    moveCard(doc, c1, 'irgendwo', 5);
    setFieldText(doc, 'gibt-es-nicht', 'title', 'x');
    setGoalText(doc, 'gibt-es-nicht', 'title', 'x');
    setMeasureText(doc, 'gibt-es-nicht', 'title', 'x');
    setMeasurePartners(doc, 'gibt-es-nicht', ['x']);
    setMeasurePriority(doc, 'gibt-es-nicht', 'high');
    setMeasureStatus(doc, 'gibt-es-nicht', 'done');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readCard(doc, c1)).toBeUndefined();
  });
});

describe('moveCard', () => {
  it('moves a card into another column at the chosen place', () => {
    const { doc, f1, f2, c1, c2, c3 } = fixture();
    const [first, second] = listCards(doc, f1);
    moveCard(doc, c3, f1, positionBetween(first?.position, second?.position));
    expect(listCardIds(doc, f1)).toEqual([c1, c3, c2]);
    expect(listCardIds(doc, f2)).toEqual([]);
    expect(readCard(doc, c3)?.fieldId).toBe(f1);
  });

  it('reorders within a column, to the front and to the end', () => {
    const { doc, f1, c1, c2 } = fixture();
    const c4 = addCard(doc, f1, { text: 'Drei' });
    moveCard(doc, c4, f1, positionBetween(undefined, readCard(doc, c1)?.position));
    expect(listCardIds(doc, f1)).toEqual([c4, c1, c2]);
    moveCard(doc, c1, f1, positionBetween(readCard(doc, c2)?.position, undefined));
    expect(listCardIds(doc, f1)).toEqual([c4, c2, c1]);
  });

  it('orders cards that ended up at the same position by id, the same on every replica', () => {
    const { doc, f1, c1, c2 } = fixture();
    const other = replicaOf(doc);
    moveCard(doc, c1, f1, 5000);
    moveCard(other, c2, f1, 5000);
    syncAll(doc, other);
    const expected = [c1, c2].sort();
    expect(listCardIds(doc, f1)).toEqual(expected);
    expect(listCardIds(other, f1)).toEqual(expected);
  });

  it('leaves fieldId untouched when a card stays in its column', () => {
    const { doc, f1, c1 } = fixture();
    const keys: string[] = [];
    collection(doc, 'cards')
      .get(c1)
      ?.observe((event) => keys.push(...event.keysChanged));
    moveCard(doc, c1, f1, 99);
    expect(keys).toEqual(['position']);
  });
});

describe('deleting', () => {
  it('deleteField takes its goals, their measures and its cards along, and nothing else', () => {
    const { doc, f1, f2, g1, g2, m2, c3 } = fixture();
    const g1b = addGoal(doc, f1, { title: 'Zweites Ziel' });
    addMeasure(doc, g1b, { title: 'Maßnahme zum zweiten Ziel' });
    const keptGoals = listGoals(doc, f2);
    const keptMeasures = listMeasures(doc, g2);
    const keptCards = listCards(doc, f2);
    deleteField(doc, f1);
    expect(listFields(doc).map((field) => field.id)).toEqual([f2]);
    expect(readField(doc, f1)).toBeUndefined();
    expect(listGoals(doc, f1)).toEqual([]);
    expect(readGoal(doc, g1)).toBeUndefined();
    expect(listMeasures(doc, g1)).toEqual([]);
    expect(listMeasures(doc, g1b)).toEqual([]);
    expect(listCards(doc, f1)).toEqual([]);
    expect(listGoals(doc)).toEqual(keptGoals);
    expect(listMeasures(doc)).toEqual(keptMeasures);
    expect(listCards(doc)).toEqual(keptCards);
    expect(keptMeasures.map((measure) => measure.id)).toEqual([m2]);
    expect(keptCards.map((card) => card.id)).toEqual([c3]);
  });

  it('deleteGoal takes its measures along and leaves the other goals alone', () => {
    const { doc, f1, g1, g2, m2 } = fixture();
    const g3 = addGoal(doc, f1, { title: 'Noch ein Ziel' });
    const m3 = addMeasure(doc, g3, { title: 'Bleibt' });
    addMeasure(doc, g1, { title: 'Geht mit' });
    deleteGoal(doc, g1);
    expect(readGoal(doc, g1)).toBeUndefined();
    expect(listMeasures(doc, g1)).toEqual([]);
    expect(
      listGoals(doc)
        .map((goal) => goal.id)
        .sort(),
    ).toEqual([g2, g3].sort());
    expect(
      listMeasures(doc)
        .map((measure) => measure.id)
        .sort(),
    ).toEqual([m2, m3].sort());
  });

  it('deleteMeasure and deleteCard remove just that entity', () => {
    const { doc, f1, m1, m2, c1, c2 } = fixture();
    deleteMeasure(doc, m1);
    deleteCard(doc, c1);
    expect(listMeasures(doc).map((measure) => measure.id)).toEqual([m2]);
    expect(listCardIds(doc, f1)).toEqual([c2]);
  });
});

describe('setMeasurePartners', () => {
  function partnersEdit(doc: Y.Doc, id: string, next: string[]) {
    const array = collection(doc, 'measures').get(id)?.get('partners');
    if (!(array instanceof Y.Array)) throw new Error('partners is not a Y.Array');
    const delta: Y.YArrayEvent<unknown>['changes']['delta'] = [];
    const record = (event: Y.YArrayEvent<unknown>) => delta.push(...event.changes.delta);
    array.observe(record);
    setMeasurePartners(doc, id, next);
    array.unobserve(record);
    return {
      retained: delta[0]?.retain ?? 0,
      deleted: delta.reduce((sum, op) => sum + (op.delete ?? 0), 0),
      inserted: delta.flatMap((op) => (Array.isArray(op.insert) ? op.insert : [])),
    };
  }

  it('replaces one office by deleting and inserting only that one', () => {
    const { doc, m1 } = fixture();
    setMeasurePartners(doc, m1, ['Bürgerbüro', 'Ordnungsamt', 'Kämmerei']);
    const edit = partnersEdit(doc, m1, ['Bürgerbüro', 'Standesamt', 'Kämmerei']);
    expect(edit).toEqual({ retained: 1, deleted: 1, inserted: ['Standesamt'] });
    expect(readMeasure(doc, m1)?.partners).toEqual(['Bürgerbüro', 'Standesamt', 'Kämmerei']);
  });

  it('appends, removes and clears with the fewest changes', () => {
    const { doc, m1 } = fixture();
    expect(partnersEdit(doc, m1, ['Bürgerbüro', 'Ordnungsamt', 'IT'])).toEqual({
      retained: 2,
      deleted: 0,
      inserted: ['IT'],
    });
    expect(partnersEdit(doc, m1, ['Bürgerbüro', 'IT'])).toEqual({
      retained: 1,
      deleted: 1,
      inserted: [],
    });
    expect(partnersEdit(doc, m1, [])).toEqual({ retained: 0, deleted: 2, inserted: [] });
    expect(readMeasure(doc, m1)?.partners).toEqual([]);
  });

  it('writes nothing when the list is unchanged', () => {
    const { doc, m1 } = fixture();
    const before = Y.encodeStateVector(doc);
    setMeasurePartners(doc, m1, ['Bürgerbüro', 'Ordnungsamt']);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps both people’s changes when two edit the list at once', () => {
    const { doc, m1 } = fixture();
    const other = replicaOf(doc);
    setMeasurePartners(doc, m1, ['Bürgerbüro', 'Ordnungsamt', 'Kämmerei']);
    setMeasurePartners(other, m1, ['Standesamt', 'Ordnungsamt']);
    syncAll(doc, other);
    expect(readMeasure(doc, m1)?.partners).toEqual(['Standesamt', 'Ordnungsamt', 'Kämmerei']);
    expect(readMeasure(other, m1)?.partners).toEqual(readMeasure(doc, m1)?.partners);
  });

  it('repairs a partners entry that is not a list', () => {
    const { doc, m1 } = fixture();
    collection(doc, 'measures').get(m1)?.set('partners', 'Bürgerbüro');
    setMeasurePartners(doc, m1, ['Hauptamt']);
    expect(readMeasure(doc, m1)?.partners).toEqual(['Hauptamt']);
  });
});

describe('reading a document that holds garbage', () => {
  /** A replica that received what a faulty peer or an old file wrote. */
  function garbled() {
    const fx = fixture();
    const peer = replicaOf(fx.doc);
    peer.transact(() => {
      const card = collection(peer, 'cards').get(fx.c1);
      card?.set('text', 42);
      card?.set('author', { name: 'Bürgerbüro' });
      card?.set('fieldId', 7);
      card?.set('position', 'oben');
      card?.set('createdAt', Number.NaN);
      collection(peer, 'cards').get(fx.c2)?.set('position', Number.POSITIVE_INFINITY);
      const measure = collection(peer, 'measures').get(fx.m1);
      measure?.set('priority', 'dringend');
      measure?.set('status', 3);
      measure?.set('title', null);
      measure?.set(
        'partners',
        Y.Array.from<string | number | null | string[]>(['Bürgerbüro', 5, null, ['x'], 'Kämmerei']),
      );
      const goal = collection(peer, 'goals').get(fx.g1);
      goal?.set('fieldId', null);
      goal?.set('title', new Y.Array());
      collection(peer, 'fields').get(fx.f2)?.set('title', true);
      metaMap(peer).set('schemaVersion', '1');
      metaMap(peer).set('title', 5);
      strategyMap(peer).set('vision', ['Lindenau']);
    });
    pull(fx.doc, peer);
    return fx;
  }

  /** Like garbled(), and each collection also holds an entry that is not an entity. */
  function withStrangers() {
    const fx = garbled();
    const peer = replicaOf(fx.doc);
    peer.transact(() => {
      (collection(peer, 'cards') as Y.Map<unknown>).set('kaputt', 42);
      (collection(peer, 'fields') as Y.Map<unknown>).set('kaputt', 'Bürgerservice');
      (collection(peer, 'goals') as Y.Map<unknown>).set('kaputt', null);
      (collection(peer, 'measures') as Y.Map<unknown>).set('kaputt', new Y.Array());
    });
    pull(fx.doc, peer);
    return fx;
  }

  it('reads wrong types as defaults', () => {
    const { doc, f1, f2, g1, m1, c1, c2, c3 } = garbled();
    expect(readCard(doc, c1)).toEqual({
      id: c1,
      fieldId: '',
      text: '',
      author: '',
      createdAt: 0,
      position: 0,
    });
    expect(readCard(doc, c2)?.position).toBe(0);
    expect(readMeasure(doc, m1)).toMatchObject({
      title: '',
      priority: 'medium',
      status: 'planned',
      partners: ['Bürgerbüro', 'Kämmerei'],
    });
    expect(readGoal(doc, g1)).toMatchObject({ fieldId: '', title: '' });
    expect(readField(doc, f2)?.title).toBe('');
    expect(readWorkshopInfo(doc)).toMatchObject({ title: '', schemaVersion: 0 });
    expect(readStrategyHeader(doc).vision).toBe('');
    expect(listCardIds(doc, f1)).toEqual([c2]);
    expect(
      listCards(doc)
        .map((card) => card.id)
        .sort(),
    ).toEqual([c1, c2, c3].sort());
  });

  it('skips collection entries that are not entities', () => {
    const { doc, f1, f2 } = withStrangers();
    expect(readCard(doc, 'kaputt')).toBeUndefined();
    expect(readField(doc, 'kaputt')).toBeUndefined();
    expect(readGoal(doc, 'kaputt')).toBeUndefined();
    expect(readMeasure(doc, 'kaputt')).toBeUndefined();
    expect(listFields(doc).map((field) => field.id)).toEqual([f1, f2]);
    expect(listGoals(doc)).toHaveLength(2);
    expect(listMeasures(doc)).toHaveLength(2);
    expect(listCards(doc)).toHaveLength(3);
    expect(listCardIds(doc, '')).toHaveLength(1);
  });

  it('still accepts commands', () => {
    const { doc, f1, f2, c1 } = withStrangers();
    const card = addCard(doc, f2, { text: 'Trotzdem' });
    expect(listCardIds(doc, f2).at(-1)).toBe(card);
    setCardText(doc, c1, 'Repariert');
    expect(readCard(doc, c1)?.text).toBe('Repariert');
    setCardText(doc, 'kaputt', 'nichts');
    moveCard(doc, 'kaputt', f1, 1);
    addGoal(doc, f1, { title: 'Neues Ziel' });
    deleteField(doc, f1);
    deleteGoal(doc, 'kaputt');
    expect(listFields(doc).map((field) => field.id)).toEqual([f2]);
    expect(collection(doc, 'cards').get('kaputt')).toBe(42);
  });
});
