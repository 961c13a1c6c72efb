// Clustering: cards go into named, coloured clusters inside a Handlungsfeld; one
// or many cards move in one step; clusters merge and split. Several people do this
// at once on one board, so concurrent moves, merges and deletes must end in one
// board that every laptop shows the same way; the randomised test at the end runs
// random operations over an unreliable network, like ../convergence.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readBoard,
  readClusterRecords,
  resolveCluster,
  type Cluster,
} from '../../../../shared/facilitation/board';
import {
  editCardText,
  listFacilitatedCards,
  writeCard,
} from '../../../../shared/facilitation/cards';
import {
  createCluster,
  deleteCluster,
  mergeClusters,
  moveCards,
  moveCluster,
  recolourCluster,
  renameCluster,
  spreadPositions,
  splitCluster,
} from '../../../../shared/facilitation/clusters';
import {
  CLUSTER_COLOURS,
  CLUSTER_TEXT_COLOUR,
  contrastRatio,
  MIN_ACCENT_CONTRAST,
  MIN_TEXT_CONTRAST,
  nextClusterColour,
  PALETTE,
} from '../../../../shared/facilitation/palette';
import { advancePhase, setAnonymous } from '../../../../shared/facilitation/session';
import { addField, deleteField } from '../../../../shared/model/commands';
import { collection } from '../../../../shared/schema/doc';
import { LOCAL_ORIGIN } from '../../../../shared/schema/origin';
import { replicaOf, syncAll, transactionsDuring } from '../helpers';
import { BEN, facilitated, HOST, T0 } from './fixture';
import { Network, pick } from '../network';

/** Six cards in column 1, two in column 2, cluster phase running. */
function board() {
  const { doc, f1, f2 } = facilitated();
  const cards = ['a', 'b', 'c', 'd', 'e', 'f'].map(
    (text, i) => writeCard(doc, BEN, { fieldId: f1, text, now: T0 + i }) as string,
  );
  const others = ['g', 'h'].map(
    (text) => writeCard(doc, BEN, { fieldId: f2, text, now: T0 }) as string,
  );
  advancePhase(doc, HOST, T0); // cluster
  return { doc, f1, f2, cards, others };
}

/** Column texts as the board shows them: clusters as "name[texts]", then loose cards. */
function shown(doc: Y.Doc): string[][] {
  const text = new Map(listFacilitatedCards(doc).map((card) => [card.id, card.text]));
  return readBoard(doc).columns.map((column) => [
    ...column.clusters.map(
      ({ cluster, cardIds }) => `${cluster.name}[${cardIds.map((id) => text.get(id)).join('')}]`,
    ),
    column.looseCardIds.map((id) => text.get(id)).join(''),
  ]);
}

describe('clusters', () => {
  it('are created with cards in one transaction, named and coloured from the palette', () => {
    const { doc, f1, cards } = board();
    const seen = transactionsDuring(doc, () =>
      createCluster(doc, BEN, {
        fieldId: f1,
        name: ' Online  ',
        cardIds: [cards[2] as string, cards[0] as string],
      }),
    );
    expect(seen.map((t) => t.origin)).toEqual([LOCAL_ORIGIN]);
    createCluster(doc, BEN, { fieldId: f1, name: 'Leer', index: 0 });
    expect(shown(doc)[0]).toEqual(['Leer[]', 'Online[ca]', 'bdef']);
    expect(readBoard(doc).columns[0]?.clusters.map((c) => c.cluster.colour)).toEqual([
      nextClusterColour(1),
      nextClusterColour(0),
    ]);
  });

  it('move many cards between clusters and columns in one transaction, in order', () => {
    const { doc, f1, f2, cards, others } = board();
    const x = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'X',
      cardIds: [cards[0] as string],
    }) as string;
    const seen = transactionsDuring(doc, () =>
      moveCards(doc, BEN, [cards[3] as string, cards[1] as string, others[0] as string], {
        fieldId: 'ignored',
        clusterId: x,
        index: 0,
      }),
    );
    expect(seen).toHaveLength(1);
    expect(shown(doc)[0]).toEqual(['X[dbga]', 'cef']);
    moveCards(doc, BEN, [cards[0] as string], { fieldId: f2, index: 0 });
    expect(shown(doc)).toEqual([['X[dbg]', 'cef'], ['ah']]);
    expect(listFacilitatedCards(doc).find((c) => c.id === others[0])?.fieldId).toBe(f1);
    expect(moveCards(doc, BEN, [cards[2] as string], { fieldId: f2, clusterId: 'gone' })).toBe(
      false,
    );
  });

  it('merge (cards follow the target’s) and split (off into a new cluster right after)', () => {
    const { doc, f1, cards } = board();
    const [a, b, c, d] = cards as [string, string, string, string];
    const x = createCluster(doc, BEN, { fieldId: f1, name: 'X', cardIds: [a, b] }) as string;
    const y = createCluster(doc, BEN, { fieldId: f1, name: 'Y', cardIds: [c] }) as string;
    const z = createCluster(doc, BEN, { fieldId: f1, name: 'Z', cardIds: [d] }) as string;
    expect(mergeClusters(doc, BEN, x, [y, z, x])).toBe(true);
    expect(shown(doc)[0]).toEqual(['X[abcd]', 'ef']);
    expect(readClusterRecords(doc).get(y)?.mergedInto).toBe(x);
    const w = splitCluster(doc, BEN, x, [d, b, 'unknown'], { name: 'W', colour: 'teal' }) as string;
    expect(shown(doc)[0]).toEqual(['X[ac]', 'W[bd]', 'ef']);
    expect(readBoard(doc).columns[0]?.clusters[1]?.cluster.colour).toBe('teal');
    expect(splitCluster(doc, BEN, w, [], { name: 'leer' })).toBeUndefined();
    expect(mergeClusters(doc, BEN, y, [w])).toBe(false); // y is merged away
  });

  it('rename, recolour, move with their cards, and delete leaving the cards loose', () => {
    const { doc, f1, f2, cards } = board();
    const x = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'X',
      cardIds: [cards[0] as string],
    }) as string;
    expect(renameCluster(doc, BEN, x, 'Digitale Dienste')).toBe(true);
    expect(recolourCluster(doc, BEN, x, 'purple')).toBe(true);
    expect(moveCluster(doc, BEN, x, f2, 0)).toBe(true);
    expect(shown(doc)[1]).toEqual(['Digitale Dienste[a]', 'gh']);
    expect(listFacilitatedCards(doc).find((c) => c.id === cards[0])?.fieldId).toBe(f2);
    expect(deleteCluster(doc, BEN, x)).toBe(true);
    // a keeps its place; it may tie with g, which the ids then order.
    expect(shown(doc)[1]?.map((texts) => [...texts].sort().join(''))).toEqual(['agh']);
    expect(renameCluster(doc, BEN, x, 'weg')).toBe(false);
  });

  it('are off limits for participants outside clustering phases', () => {
    const { doc, f1, cards } = board();
    advancePhase(doc, HOST, T0); // vote
    const seen = transactionsDuring(doc, () => {
      expect(createCluster(doc, BEN, { fieldId: f1, name: 'X' })).toBeUndefined();
      expect(moveCards(doc, BEN, [cards[0] as string], { fieldId: f1 })).toBe(false);
    });
    expect(seen).toHaveLength(0);
    expect(createCluster(doc, HOST, { fieldId: f1, name: 'X' })).toBeDefined();
  });

  it('land a card moved into a cluster while it was merged in the merged cluster', () => {
    const { doc, f1, cards } = board();
    const x = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'X',
      cardIds: [cards[0] as string],
    }) as string;
    const y = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'Y',
      cardIds: [cards[1] as string],
    }) as string;
    const other = replicaOf(doc);
    mergeClusters(doc, HOST, x, [y]);
    moveCards(other, BEN, [cards[2] as string], { fieldId: f1, clusterId: y });
    syncAll(doc, other);
    // b (merged in) and c (moved in) took the same place after a: the id decides.
    expect(shown(doc)[0]).toEqual([expect.stringMatching(/^X\[a(bc|cb)\]$/), 'def']);
    expect(shown(other)).toEqual(shown(doc));
  });

  it('settle a cycle of concurrent merges on one cluster', () => {
    const { doc, f1, cards } = board();
    const x = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'X',
      cardIds: [cards[0] as string],
    }) as string;
    const y = createCluster(doc, BEN, {
      fieldId: f1,
      name: 'Y',
      cardIds: [cards[1] as string],
    }) as string;
    const other = replicaOf(doc);
    mergeClusters(doc, HOST, x, [y]);
    mergeClusters(other, BEN, y, [x]);
    syncAll(doc, other);
    const survivor = [x, y].sort()[0] as string;
    const records = readClusterRecords(doc);
    expect(resolveCluster(records, x)).toBe(survivor);
    expect(resolveCluster(records, y)).toBe(survivor);
    expect(readBoard(doc).columns[0]?.clusters).toHaveLength(1);
    expect(readBoard(doc).columns[0]?.clusters[0]?.cardIds).toHaveLength(2);
    expect(shown(other)).toEqual(shown(doc));
  });

  it('put cards of a cluster deleted during a move loose, and keep cards of deleted columns', () => {
    const { doc, f1, f2, cards } = board();
    const x = createCluster(doc, BEN, { fieldId: f1, name: 'X' }) as string;
    const other = replicaOf(doc);
    deleteCluster(doc, HOST, x);
    moveCards(other, BEN, [cards[0] as string], { fieldId: f1, clusterId: x });
    moveCards(other, BEN, [cards[1] as string], { fieldId: f2 });
    deleteField(doc, f2);
    syncAll(doc, other);
    const layout = readBoard(doc);
    expect(layout.columns[0]?.looseCardIds).toContain(cards[0]);
    expect(layout.unplacedCardIds).toEqual([cards[1]]);
    expect(readBoard(other)).toEqual(layout);
  });

  it('spread positions strictly between the neighbours', () => {
    expect(spreadPositions(0, 4, 3)).toEqual([1, 2, 3]);
    expect(spreadPositions(undefined, undefined, 2)).toEqual([1024, 2048]);
    expect(spreadPositions(10, undefined, 2)).toEqual([1034, 2058]);
    expect(spreadPositions(undefined, 10, 2)).toEqual([-2038, -1014]);
  });
});

describe('the cluster palette', () => {
  it('meets WCAG 2.1 contrast for names, borders and card text', () => {
    for (const colour of CLUSTER_COLOURS) {
      const { accent, background } = PALETTE[colour];
      expect(contrastRatio(accent, '#FFFFFF'), `${colour} accent on white`).toBeGreaterThanOrEqual(
        MIN_ACCENT_CONTRAST,
      );
      expect(
        contrastRatio(accent, background),
        `${colour} accent on its background`,
      ).toBeGreaterThanOrEqual(MIN_ACCENT_CONTRAST);
      expect(
        contrastRatio(CLUSTER_TEXT_COLOUR, background),
        `${colour} text`,
      ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(new Set(Object.values(PALETTE).map((swatch) => swatch.background)).size).toBe(
      CLUSTER_COLOURS.length,
    );
  });

  it('hands out colours round the palette and reads unknown colours as grey', () => {
    expect(nextClusterColour(CLUSTER_COLOURS.length + 1)).toBe(CLUSTER_COLOURS[1]);
    const { doc, f1 } = board();
    const x = createCluster(doc, HOST, { fieldId: f1, name: 'X' }) as string;
    collection(doc, 'clusters').get(x)?.set('colour', 'hotpink');
    expect(readBoard(doc).columns[0]?.clusters[0]?.cluster.colour).toBe('grey');
  });
});

// ---- convergence under concurrent clustering -------------------------------------

const REPLICAS = 4;
const OPS = [
  'moveCards',
  'moveCards',
  'moveCards',
  'createCluster',
  'createCluster',
  'mergeClusters',
  'splitCluster',
  'deleteCluster',
  'renameCluster',
  'recolourCluster',
  'moveCluster',
  'writeCard',
  'editCard',
  'addField',
  'deleteField',
] as const;
type Op = (typeof OPS)[number];

type Step =
  | { kind: 'op'; replica: number; op: Op; a: number; b: number; c: number }
  | { kind: 'deliver'; pick: number; index: number; duplicate: boolean }
  | { kind: 'toggle'; replica: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('op' as const),
      replica: fc.nat(REPLICAS - 1),
      op: fc.constantFrom(...OPS),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
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

function liveClusters(doc: Y.Doc): Cluster[] {
  return readBoard(doc).columns.flatMap((column) => column.clusters.map((entry) => entry.cluster));
}

function runOp(doc: Y.Doc, { op, a, b, c }: Extract<Step, { kind: 'op' }>): boolean {
  const layout = readBoard(doc);
  const fields = layout.columns.map((column) => column.field.id);
  const cards = listFacilitatedCards(doc).map((card) => card.id);
  const clusters = liveClusters(doc);
  const cluster = pick(clusters, a);
  const actor = HOST;
  switch (op) {
    case 'moveCards': {
      const chosen = cards.filter((_, i) => (i + a) % (2 + (b % 4)) === 0).slice(0, 1 + (c % 3));
      const target = b % 3 === 0 ? undefined : pick(clusters, b);
      return moveCards(doc, actor, chosen, {
        fieldId: pick(fields, c) ?? '',
        clusterId: target?.id,
        index: c % 5,
      });
    }
    case 'createCluster': {
      const field = pick(fields, a);
      if (!field) return false;
      const chosen = cards.filter((_, i) => (i + b) % 5 === 0).slice(0, c % 3);
      return (
        createCluster(doc, actor, {
          fieldId: field,
          name: `C${c % 100}`,
          cardIds: chosen,
          index: b % 3,
        }) !== undefined
      );
    }
    case 'mergeClusters': {
      const source = pick(clusters, b);
      return !!cluster && !!source && mergeClusters(doc, actor, cluster.id, [source.id]);
    }
    case 'splitCluster': {
      if (!cluster) return false;
      const inside = layout.columns
        .flatMap((column) => column.clusters)
        .find((e) => e.cluster.id === cluster.id);
      const chosen = (inside?.cardIds ?? []).filter((_, i) => (i + b) % 2 === 0);
      return splitCluster(doc, actor, cluster.id, chosen, { name: `S${c % 100}` }) !== undefined;
    }
    case 'deleteCluster':
      return !!cluster && deleteCluster(doc, actor, cluster.id);
    case 'renameCluster':
      return !!cluster && renameCluster(doc, actor, cluster.id, `${cluster.name}${c % 10}`);
    case 'recolourCluster':
      return (
        !!cluster && recolourCluster(doc, actor, cluster.id, pick(CLUSTER_COLOURS, b) ?? 'blue')
      );
    case 'moveCluster':
      return !!cluster && moveCluster(doc, actor, cluster.id, pick(fields, b) ?? '', c % 3);
    case 'writeCard':
      return (
        writeCard(doc, actor, {
          fieldId: pick(fields, a) ?? '',
          text: `N${c % 100}`,
          now: T0 + c,
        }) !== undefined
      );
    case 'editCard': {
      const card = pick(cards, a);
      return !!card && editCardText(doc, actor, card, `E${c % 100}`);
    }
    case 'addField':
      addField(doc, { title: `F${c % 10}` });
      return true;
    case 'deleteField':
      if (fields.length <= 2 || b % 4 !== 0) return false;
      deleteField(doc, pick(fields, a) as string);
      return true;
  }
}

function snapshot(doc: Y.Doc) {
  return { board: readBoard(doc), cards: listFacilitatedCards(doc) };
}

describe('concurrent clustering converges (seeded random operations, random delivery)', () => {
  for (const anonymous of [false, true]) {
    it(`ends with one board on every replica${anonymous ? ' (anonymous mode)' : ''}`, () => {
      const base = board();
      if (anonymous) setAnonymous(base.doc, HOST, true);
      const update = Y.encodeStateAsUpdate(base.doc);
      let applied = 0;
      let delivered = 0;
      fc.assert(
        fc.property(
          fc.array(stepArb, { minLength: 10, maxLength: 120, size: 'medium' }),
          (steps) => {
            const network = new Network(update, REPLICAS);
            for (const current of steps) {
              if (current.kind === 'op') {
                const doc = network.docs[current.replica] as Y.Doc;
                if (runOp(doc, current)) applied++;
                // Whatever happened, the board shows every card exactly once.
                const layout = readBoard(doc);
                const placed = [
                  ...layout.unplacedCardIds,
                  ...layout.columns.flatMap((column) => [
                    ...column.looseCardIds,
                    ...column.clusters.flatMap((entry) => entry.cardIds),
                  ]),
                ];
                expect(placed.sort()).toEqual(
                  listFacilitatedCards(doc)
                    .map((card) => card.id)
                    .sort(),
                );
              } else if (current.kind === 'deliver') {
                network.deliver(current.pick, current.index, current.duplicate);
              } else {
                network.toggle(current.replica);
              }
            }
            network.settle();
            delivered += network.delivered;
            const [first, ...others] = network.docs.map(snapshot);
            for (const other of others) expect(other).toEqual(first);
            const vectors = network.docs.map((doc) => Array.from(Y.encodeStateVector(doc)));
            for (const vector of vectors) expect(vector).toEqual(vectors[0]);
          },
        ),
        { numRuns: 40, seed: anonymous ? 4711 : 2027 },
      );
      expect(applied).toBeGreaterThan(40 * 12);
      expect(delivered).toBeGreaterThan(40 * 40);
    });
  }
});
