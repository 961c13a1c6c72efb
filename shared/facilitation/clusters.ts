// Clustering commands: create, rename, recolour, move, merge, split and delete
// clusters, and move one or many cards between clusters and Handlungsfelder, each
// in one transaction. Positions follow position.ts (midpoints, ties broken by id);
// board.ts turns whatever concurrent moves produced into one board.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import { getString, newEntity, setText } from '../model/entity';
import { newId } from '../model/ids';
import { POSITION_STEP, positionBetween } from '../model/position';
import { readField } from '../model/read';
import { readBoard, readClusterRecords, resolveCluster, type BoardLayout } from './board';
import { cardEntity, listFacilitatedCards } from './cards';
import { allowed } from './guard';
import { nextClusterColour, type ClusterColour } from './palette';
import { change } from './transaction';
import { cleanName } from './values';

export interface MoveTarget {
  /** The column; ignored when `clusterId` names a cluster (its column wins). */
  readonly fieldId: string;
  /** A cluster to move into; absent or '' for loose in the column. */
  readonly clusterId?: string;
  /** Index among the cards already there (not counting moved ones); end if absent. */
  readonly index?: number;
}

/** `count` positions, in order, strictly between `before` and `after` (either may be open). */
export function spreadPositions(
  before: number | undefined,
  after: number | undefined,
  count: number,
): number[] {
  const positions: number[] = [];
  for (let i = 0; i < count; i++) {
    if (before !== undefined && after !== undefined) {
      positions.push(before + ((after - before) * (i + 1)) / (count + 1));
    } else if (before !== undefined) {
      positions.push(before + POSITION_STEP * (i + 1));
    } else if (after !== undefined) {
      positions.push(after - POSITION_STEP * (count - i));
    } else {
      positions.push(POSITION_STEP * (i + 1));
    }
  }
  return positions;
}

function containerOf(layout: BoardLayout, fieldId: string, clusterId: string): readonly string[] {
  const column = layout.columns.find((entry) => entry.field.id === fieldId);
  if (!column) return [];
  if (clusterId === '') return column.looseCardIds;
  return column.clusters.find((entry) => entry.cluster.id === clusterId)?.cardIds ?? [];
}

function clusterEntity(doc: Y.Doc, id: string): EntityMap | undefined {
  const map = collection(doc, 'clusters').get(id);
  return isEntity(map) ? map : undefined;
}

/**
 * Writes cards into a container (column or cluster) at an index; callers run it
 * inside a transaction and have resolved the target cluster.
 */
function placeCards(
  doc: Y.Doc,
  cardIds: readonly string[],
  fieldId: string,
  clusterId: string,
  index: number | undefined,
): void {
  const moving = Array.from(new Set(cardIds)).filter((id) => cardEntity(doc, id) !== undefined);
  if (moving.length === 0) return;
  const positions = new Map(listFacilitatedCards(doc).map((card) => [card.id, card.position]));
  const movingIds = new Set(moving);
  const others = containerOf(readBoard(doc), fieldId, clusterId).filter((id) => !movingIds.has(id));
  const at = Math.max(0, Math.min(others.length, Math.floor(index ?? others.length)));
  const before = at > 0 ? positions.get(others[at - 1] as string) : undefined;
  const after = at < others.length ? positions.get(others[at] as string) : undefined;
  const spread = spreadPositions(before, after, moving.length);
  moving.forEach((id, i) => {
    const map = cardEntity(doc, id);
    if (!map) return;
    if (getString(map, 'fieldId') !== fieldId) map.set('fieldId', fieldId);
    if (getString(map, 'clusterId') !== clusterId) map.set('clusterId', clusterId);
    map.set('position', spread[i] as number);
  });
}

/** Moves cards, in the given order, into a column or cluster. */
export function moveCards(
  doc: Y.Doc,
  actorId: string,
  cardIds: readonly string[],
  target: MoveTarget,
): boolean {
  if (!allowed(doc, actorId, 'moveCard')) return false;
  const records = readClusterRecords(doc);
  const clusterId =
    target.clusterId === undefined || target.clusterId === ''
      ? ''
      : resolveCluster(records, target.clusterId);
  if (clusterId === undefined) return false;
  const fieldId = clusterId === '' ? target.fieldId : (records.get(clusterId)?.fieldId ?? '');
  if (!readField(doc, fieldId)) return false;
  change(doc, () => placeCards(doc, cardIds, fieldId, clusterId, target.index));
  return true;
}

export interface ClusterInit {
  readonly fieldId: string;
  readonly name: string;
  readonly colour?: ClusterColour;
  /** Cards that go into the new cluster at once, in this order. */
  readonly cardIds?: readonly string[];
  /** Index among the column's clusters; end if absent. */
  readonly index?: number;
}

function insertCluster(doc: Y.Doc, init: ClusterInit, position: number): string {
  const id = newId();
  const layout = readBoard(doc);
  const count = layout.columns.find((c) => c.field.id === init.fieldId)?.clusters.length ?? 0;
  const map = newEntity(
    id,
    { fieldId: init.fieldId, position, colour: init.colour ?? nextClusterColour(count) },
    { name: cleanName(init.name) },
  );
  collection(doc, 'clusters').set(id, map);
  if (init.cardIds && init.cardIds.length > 0) placeCards(doc, init.cardIds, init.fieldId, id, 0);
  return id;
}

function clusterPositionAt(doc: Y.Doc, fieldId: string, index: number | undefined, skip = '') {
  const column = readBoard(doc).columns.find((c) => c.field.id === fieldId);
  const clusters = (column?.clusters ?? [])
    .map((entry) => entry.cluster)
    .filter((cluster) => cluster.id !== skip);
  const at = Math.max(0, Math.min(clusters.length, Math.floor(index ?? clusters.length)));
  return positionBetween(clusters[at - 1]?.position, clusters[at]?.position);
}

export function createCluster(doc: Y.Doc, actorId: string, init: ClusterInit): string | undefined {
  if (!allowed(doc, actorId, 'editClusters') || !readField(doc, init.fieldId)) return undefined;
  return change(doc, () =>
    insertCluster(doc, init, clusterPositionAt(doc, init.fieldId, init.index)),
  );
}

function liveCluster(doc: Y.Doc, id: string) {
  const records = readClusterRecords(doc);
  return resolveCluster(records, id) === id ? records.get(id) : undefined;
}

export function renameCluster(doc: Y.Doc, actorId: string, id: string, name: string): boolean {
  const map = clusterEntity(doc, id);
  if (!map || !liveCluster(doc, id) || !allowed(doc, actorId, 'editClusters')) return false;
  change(doc, () => setText(map, 'name', cleanName(name)));
  return true;
}

export function recolourCluster(
  doc: Y.Doc,
  actorId: string,
  id: string,
  colour: ClusterColour,
): boolean {
  const map = clusterEntity(doc, id);
  if (!map || !liveCluster(doc, id) || !allowed(doc, actorId, 'editClusters')) return false;
  change(doc, () => map.set('colour', colour));
  return true;
}

/** Moves a cluster, with its cards, to a column and index among that column's clusters. */
export function moveCluster(
  doc: Y.Doc,
  actorId: string,
  id: string,
  fieldId: string,
  index?: number,
): boolean {
  const map = clusterEntity(doc, id);
  if (!map || !liveCluster(doc, id) || !readField(doc, fieldId)) return false;
  if (!allowed(doc, actorId, 'editClusters')) return false;
  change(doc, () => {
    const cardIds = containerOf(readBoard(doc), getString(map, 'fieldId'), id);
    map.set('position', clusterPositionAt(doc, fieldId, index, id));
    if (getString(map, 'fieldId') !== fieldId) map.set('fieldId', fieldId);
    for (const cardId of cardIds) {
      const card = cardEntity(doc, cardId);
      if (card && getString(card, 'fieldId') !== fieldId) card.set('fieldId', fieldId);
    }
  });
  return true;
}

/**
 * Merges clusters into `targetId`: their cards follow the target's, in order, and
 * each source stays behind as a tombstone pointing at the target, so a card moved
 * into a source concurrently still ends up in the target.
 */
export function mergeClusters(
  doc: Y.Doc,
  actorId: string,
  targetId: string,
  sourceIds: readonly string[],
): boolean {
  const target = liveCluster(doc, targetId);
  const sources = Array.from(new Set(sourceIds)).filter(
    (id) => id !== targetId && liveCluster(doc, id) !== undefined,
  );
  if (!target || sources.length === 0 || !allowed(doc, actorId, 'editClusters')) return false;
  change(doc, () => {
    const layout = readBoard(doc);
    const cardIds = sources.flatMap((id) => {
      const source = layout.columns
        .flatMap((column) => column.clusters)
        .find((entry) => entry.cluster.id === id);
      return source ? [...source.cardIds] : [];
    });
    placeCards(doc, cardIds, target.fieldId, target.id, undefined);
    for (const id of sources) clusterEntity(doc, id)?.set('mergedInto', target.id);
  });
  return true;
}

/** Splits cards off a cluster into a new one right after it; returns the new id. */
export function splitCluster(
  doc: Y.Doc,
  actorId: string,
  sourceId: string,
  cardIds: readonly string[],
  init: { readonly name: string; readonly colour?: ClusterColour },
): string | undefined {
  const source = liveCluster(doc, sourceId);
  if (!source || !allowed(doc, actorId, 'editClusters')) return undefined;
  const inSource = containerOf(readBoard(doc), source.fieldId, source.id);
  const moving = inSource.filter((id) => cardIds.includes(id));
  if (moving.length === 0) return undefined;
  const column = readBoard(doc).columns.find((c) => c.field.id === source.fieldId);
  const index = (column?.clusters.findIndex((entry) => entry.cluster.id === source.id) ?? -1) + 1;
  return change(doc, () =>
    insertCluster(
      doc,
      { fieldId: source.fieldId, name: init.name, colour: init.colour, cardIds: moving },
      clusterPositionAt(doc, source.fieldId, index),
    ),
  );
}

/** Deletes a cluster; its cards stay in the column, loose, where they were. */
export function deleteCluster(doc: Y.Doc, actorId: string, id: string): boolean {
  const cluster = liveCluster(doc, id);
  if (!cluster || !allowed(doc, actorId, 'editClusters')) return false;
  change(doc, () => {
    for (const cardId of containerOf(readBoard(doc), cluster.fieldId, id)) {
      const card = cardEntity(doc, cardId);
      if (!card) continue;
      card.set('clusterId', '');
      if (getString(card, 'fieldId') !== cluster.fieldId) card.set('fieldId', cluster.fieldId);
    }
    collection(doc, 'clusters').delete(id);
  });
  return true;
}
