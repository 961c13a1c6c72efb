// Random Werkstatt commands for the convergence tests that run real providers: what people
// in a room do to the board in free mode — add, edit, move and delete cards, make, rename,
// fill, merge and dissolve clusters, retitle a Handlungsfeld. Each command is chosen and
// parameterised by a seeded random source from what the replica sees at that moment, so a
// seed names the same sequence of choices on every run. Shared by the test process and the
// peer processes (test/unit/sync/fixtures/sessionPeer.ts).
import * as Y from 'yjs';
import { listClusters, readBoard } from '../../../shared/facilitation/board';
import {
  createCluster,
  deleteCluster,
  mergeClusters,
  moveCards,
  renameCluster,
} from '../../../shared/facilitation/clusters';
import {
  addCard,
  deleteCard,
  moveCard,
  setCardText,
  setFieldText,
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
import { ROOT } from '../../../shared/schema/doc';
import type { Random } from '../../support/seededRandom';

export function randomInt(random: Random, below: number): number {
  return Math.floor(random() * below);
}

export function pickOne<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[randomInt(random, items.length)];
}

const SNIPPETS = ['Bürgerbüro', 'WLAN', 'ä', 'ß', ' ', 'Ö', '🙂', 'KI', 'Daten', 'x'];

function snippet(random: Random): string {
  const parts = 1 + randomInt(random, 3);
  return Array.from({ length: parts }, () => pickOne(random, SNIPPETS) ?? '').join('');
}

/** `current` with a short slice replaced by `text`, cut at code points. */
function edited(random: Random, current: string, text: string): string {
  const points = Array.from(current);
  const from = randomInt(random, points.length + 1);
  const to = from + randomInt(random, Math.min(points.length - from, 4) + 1);
  return [...points.slice(0, from), text, ...points.slice(to)].join('');
}

const OPS = [
  'addCard',
  'addCard',
  'editCard',
  'editCard',
  'editCard',
  'moveCard',
  'moveCard',
  'deleteCard',
  'createCluster',
  'renameCluster',
  'intoCluster',
  'intoCluster',
  'mergeClusters',
  'deleteCluster',
  'renameField',
] as const;
export type OpName = (typeof OPS)[number];

/** Runs one random command on `doc` as `actorId`; returns its name (for the test's figures). */
export function runRandomOp(doc: Y.Doc, random: Random, actorId: string): OpName {
  const op = pickOne(random, OPS) ?? 'addCard';
  const fields = listFields(doc);
  const field = pickOne(random, fields);
  const cards = listCards(doc);
  const card = pickOne(random, cards);
  const clusters = listClusters(doc);
  const cluster = pickOne(random, clusters);
  switch (op) {
    case 'addCard':
      if (field) addCard(doc, field.id, { text: snippet(random), author: actorId, createdAt: 1 });
      break;
    case 'editCard':
      if (card) setCardText(doc, card.id, edited(random, card.text, snippet(random)));
      break;
    case 'moveCard': {
      const target = pickOne(random, fields);
      if (!card || !target) break;
      const column = listCards(doc, target.id).filter((other) => other.id !== card.id);
      const index = randomInt(random, column.length + 1);
      moveCard(
        doc,
        card.id,
        target.id,
        positionBetween(column[index - 1]?.position, column[index]?.position),
      );
      break;
    }
    case 'deleteCard':
      if (card) deleteCard(doc, card.id);
      break;
    case 'createCluster': {
      if (!field) break;
      const loose = readBoard(doc).columns.find((c) => c.field.id === field.id)?.looseCardIds;
      const cardIds = (loose ?? []).filter(() => random() < 0.5);
      createCluster(doc, actorId, { fieldId: field.id, name: snippet(random), cardIds });
      break;
    }
    case 'renameCluster':
      if (cluster) renameCluster(doc, actorId, cluster.id, edited(random, cluster.name, 'ü'));
      break;
    case 'intoCluster':
      if (cluster && card) {
        moveCards(doc, actorId, [card.id], {
          fieldId: cluster.fieldId,
          clusterId: cluster.id,
          index: randomInt(random, 4),
        });
      }
      break;
    case 'mergeClusters': {
      const other = pickOne(random, clusters);
      if (cluster && other && other.id !== cluster.id) {
        mergeClusters(doc, actorId, cluster.id, [other.id]);
      }
      break;
    }
    case 'deleteCluster':
      if (cluster) deleteCluster(doc, actorId, cluster.id);
      break;
    case 'renameField':
      if (field) setFieldText(doc, field.id, 'title', edited(random, field.title, snippet(random)));
      break;
  }
  return op;
}

/**
 * What a replica shows, independent of how it got there: every root as JSON (compared
 * without regard to key order) and the board and strategy as the app reads them.
 */
export function contentOf(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const roots = Object.fromEntries(
    Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]),
  );
  const content = {
    roots,
    info: readWorkshopInfo(doc),
    strategy: readStrategyHeader(doc),
    fields: listFields(doc),
    goals: listGoals(doc),
    measures: listMeasures(doc),
    cards: listCards(doc),
    board: readBoard(doc),
  };
  doc.destroy();
  return content;
}

/** The state vector as a plain object (client id → clock), for comparing replicas. */
export function stateVectorOf(update: Uint8Array): Record<string, number> {
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
  return Object.fromEntries(Array.from(vector.entries()).map(([id, clock]) => [id, clock]));
}
