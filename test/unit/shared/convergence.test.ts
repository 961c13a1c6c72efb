// Several laptops in one room edit the same workshop while the network drops,
// reorders and repeats messages. Whatever happened in between, once every replica
// has received everything they must all show the same strategy and the same board.
// This is the randomised convergence test in the style of Yjs's own testHelper.js:
// four replicas, random commands, random delivery, disconnects and reconnects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedDemo } from '../../../shared/demo/seedDemo';
import {
  addCard,
  addField,
  addGoal,
  deleteCard,
  deleteField,
  moveCard,
  setCardText,
  setFieldText,
  setGoalText,
  setMeasurePartners,
  setStrategyText,
} from '../../../shared/model/commands';
import { positionBetween } from '../../../shared/model/position';
import {
  listCards,
  listFields,
  listGoals,
  listMeasures,
  readStrategyHeader,
  readWorkshopInfo,
} from '../../../shared/model/read';
import { Network, pick } from './network';

const REPLICAS = 4;

const OPS = [
  'addCard',
  'addCard',
  'setCardText',
  'setCardText',
  'setCardText',
  'moveCard',
  'moveCard',
  'deleteCard',
  'setGoalText',
  'setGoalText',
  'addGoal',
  'addField',
  'deleteField',
  'setFieldText',
  'setStrategyText',
  'setMeasurePartners',
] as const;
type Op = (typeof OPS)[number];

type Step =
  | { kind: 'op'; replica: number; op: Op; a: number; b: number; text: string }
  | { kind: 'deliver'; pick: number; index: number; duplicate: boolean }
  | { kind: 'toggle'; replica: number };

const snippet = fc.string({
  unit: fc.constantFrom('a', 'e', 'ä', 'ß', ' ', '😀', '🙂', 'X'),
  maxLength: 6,
});

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('op' as const),
      replica: fc.nat(REPLICAS - 1),
      op: fc.constantFrom(...OPS),
      a: fc.nat(),
      b: fc.nat(),
      text: snippet,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      pick: fc.nat(),
      index: fc.nat(),
      duplicate: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('toggle' as const), replica: fc.nat(REPLICAS - 1) }),
  },
);

/** `current` with one slice replaced by `text` (or removed), cut at code points. */
function edited(current: string, a: number, b: number, text: string): string {
  const points = Array.from(current);
  const from = a % (points.length + 1);
  const to = from + (b % (Math.min(points.length - from, 4) + 1));
  return [...points.slice(0, from), text, ...points.slice(to)].join('');
}

/** One replica's command, chosen by the step's numbers from what that replica sees. */
function runOp(doc: Y.Doc, { op, a, b, text }: Extract<Step, { kind: 'op' }>): void {
  const fields = listFields(doc);
  const field = pick(fields, a);
  const card = pick(listCards(doc), a);
  const goal = pick(listGoals(doc), a);
  switch (op) {
    case 'addCard':
      if (field) addCard(doc, field.id, { text, author: 'Test', createdAt: b });
      return;
    case 'setCardText':
      if (card) setCardText(doc, card.id, edited(card.text, b, a, text));
      return;
    case 'moveCard': {
      const target = pick(fields, b);
      if (!card || !target) return;
      const column = listCards(doc, target.id).filter((other) => other.id !== card.id);
      const index = b % (column.length + 1);
      const position = positionBetween(column[index - 1]?.position, column[index]?.position);
      moveCard(doc, card.id, target.id, position);
      return;
    }
    case 'deleteCard':
      if (card) deleteCard(doc, card.id);
      return;
    case 'setGoalText': {
      const key = pick(['title', 'indicator', 'baseline', 'target'] as const, b) ?? 'title';
      if (goal) setGoalText(doc, goal.id, key, edited(goal[key], b, a, text));
      return;
    }
    case 'addGoal':
      if (field) addGoal(doc, field.id, { title: `Ziel ${text}` });
      return;
    case 'addField':
      addField(doc, { title: `Feld ${text}` });
      return;
    case 'deleteField':
      // Keep the board from running empty most of the time.
      if (field && (fields.length > 2 || b % 3 === 0)) deleteField(doc, field.id);
      return;
    case 'setFieldText':
      if (field) setFieldText(doc, field.id, 'title', edited(field.title, b, a, text));
      return;
    case 'setStrategyText':
      setStrategyText(doc, 'vision', edited(readStrategyHeader(doc).vision, b, a, text));
      return;
    case 'setMeasurePartners': {
      const measure = pick(listMeasures(doc), a);
      if (!measure) return;
      const partners = [...measure.partners];
      if (b % 2 === 0 || partners.length === 0) partners.splice(b % (partners.length + 1), 0, text);
      else partners.splice(b % partners.length, 1);
      setMeasurePartners(doc, measure.id, partners);
      return;
    }
  }
}

function snapshot(doc: Y.Doc) {
  return {
    info: readWorkshopInfo(doc),
    strategy: readStrategyHeader(doc),
    fields: listFields(doc),
    goals: listGoals(doc),
    measures: listMeasures(doc),
    cards: listCards(doc),
  };
}

describe('convergence of concurrently edited replicas', () => {
  const seed = new Y.Doc();
  seed.clientID = 1000;
  seedDemo(seed);
  const base = Y.encodeStateAsUpdate(seed);

  it('ends with identical content on every replica, whatever the network did', () => {
    let opsRun = 0;
    let updatesDelivered = 0;
    let updatesFlushed = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 150, size: 'medium' }), (steps) => {
        const network = new Network(base, REPLICAS, 1);
        for (const current of steps) {
          if (current.kind === 'op') {
            runOp(network.docs[current.replica] as Y.Doc, current);
            opsRun++;
          } else if (current.kind === 'deliver') {
            network.deliver(current.pick, current.index, current.duplicate);
          } else {
            network.toggle(current.replica);
          }
        }
        updatesFlushed += network.flushed;
        network.settle();
        updatesDelivered += network.delivered;
        const [first, ...others] = network.docs.map(snapshot);
        for (const other of others) expect(other).toEqual(first);
        const vectors = network.docs.map((doc) => Array.from(Y.encodeStateVector(doc)));
        for (const vector of vectors) expect(vector).toEqual(vectors[0]);
      }),
      { numRuns: 30 },
    );
    // The runs really exercised the commands and the network.
    expect(opsRun).toBeGreaterThan(30 * 15);
    expect(updatesDelivered).toBeGreaterThan(30 * 30);
    expect(updatesFlushed).toBeGreaterThan(30);
  });
});
