// The clustered board as every replica shows it: columns (Handlungsfelder), in each
// its clusters with their cards, then the cards in no cluster. Derived from the
// merged document alone, so that concurrent moves, merges and deletes end in the
// same board everywhere. Merged clusters stay as tombstones pointing at the cluster
// they went into, so a card someone moved into one while it was being merged still
// lands in the merged cluster; chains are followed, and a cycle of concurrent
// merges (A into B while B into A) is settled on its smallest id.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import type { Field } from '../schema/types';
import { getNumber, getString, getText } from '../model/entity';
import { byPosition } from '../model/position';
import { listFields } from '../model/read';
import { listFacilitatedCards, type FacilitatedCard } from './cards';
import { isClusterColour, type ClusterColour } from './palette';
import { compareIds } from './values';

export interface Cluster {
  readonly id: string;
  readonly name: string;
  readonly colour: ClusterColour;
  readonly fieldId: string;
  readonly position: number;
  /** The cluster this one was merged into; '' while it is live. */
  readonly mergedInto: string;
}

export interface ClusterWithCards {
  readonly cluster: Cluster;
  readonly cardIds: readonly string[];
}

export interface BoardColumn {
  readonly field: Field;
  readonly clusters: readonly ClusterWithCards[];
  /** Cards in the column but in no cluster. */
  readonly looseCardIds: readonly string[];
}

export interface BoardLayout {
  readonly columns: readonly BoardColumn[];
  /** Cards whose column no longer exists (deleted concurrently with a move). */
  readonly unplacedCardIds: readonly string[];
}

export interface Placement {
  readonly fieldId: string;
  /** '' for a card in no cluster. */
  readonly clusterId: string;
}

export function toCluster(map: EntityMap, id: string): Cluster {
  const colour = map.get('colour');
  return {
    id,
    name: getText(map, 'name'),
    colour: isClusterColour(colour) ? colour : 'grey',
    fieldId: getString(map, 'fieldId'),
    position: getNumber(map, 'position'),
    mergedInto: getString(map, 'mergedInto'),
  };
}

/** Every cluster entry, merged ones included. */
export function readClusterRecords(doc: Y.Doc): Map<string, Cluster> {
  const records = new Map<string, Cluster>();
  collection(doc, 'clusters').forEach((map, id) => {
    if (isEntity(map)) records.set(id, toCluster(map, id));
  });
  return records;
}

/** The live cluster `id` ends up in after merges, or undefined (deleted / none). */
export function resolveCluster(
  records: ReadonlyMap<string, Cluster>,
  id: string,
): string | undefined {
  const path: string[] = [];
  let current = id;
  for (;;) {
    const record = records.get(current);
    if (!record) return undefined;
    if (record.mergedInto === '' || record.mergedInto === current) return current;
    const seenAt = path.indexOf(current);
    if (seenAt !== -1) return path.slice(seenAt).sort(compareIds)[0];
    path.push(current);
    current = record.mergedInto;
  }
}

/** Clusters that are live (not merged away), in position order. */
export function listClusters(doc: Y.Doc, fieldId?: string): Cluster[] {
  const records = readClusterRecords(doc);
  return Array.from(records.values())
    .filter((cluster) => resolveCluster(records, cluster.id) === cluster.id)
    .filter((cluster) => fieldId === undefined || cluster.fieldId === fieldId)
    .sort(byPosition);
}

/** Where a card shows: its (resolved) cluster's column, else loose in its own column. */
export function placeCard(
  card: Pick<FacilitatedCard, 'fieldId' | 'clusterId'>,
  records: ReadonlyMap<string, Cluster>,
  fieldIds: ReadonlySet<string>,
): Placement | undefined {
  const clusterId = card.clusterId === '' ? undefined : resolveCluster(records, card.clusterId);
  const cluster = clusterId === undefined ? undefined : records.get(clusterId);
  if (cluster && fieldIds.has(cluster.fieldId))
    return { fieldId: cluster.fieldId, clusterId: cluster.id };
  if (fieldIds.has(card.fieldId)) return { fieldId: card.fieldId, clusterId: '' };
  return undefined;
}

export function readBoard(doc: Y.Doc): BoardLayout {
  const fields = listFields(doc);
  const fieldIds = new Set(fields.map((field) => field.id));
  const records = readClusterRecords(doc);
  const live = listClusters(doc).filter((cluster) => fieldIds.has(cluster.fieldId));
  const inCluster = new Map<string, string[]>(live.map((cluster) => [cluster.id, []]));
  const loose = new Map<string, string[]>(fields.map((field) => [field.id, []]));
  const unplaced: string[] = [];
  // Cards come sorted by position, so every list below is in board order.
  for (const card of listFacilitatedCards(doc)) {
    const placement = placeCard(card, records, fieldIds);
    if (!placement) unplaced.push(card.id);
    else if (placement.clusterId !== '') inCluster.get(placement.clusterId)?.push(card.id);
    else loose.get(placement.fieldId)?.push(card.id);
  }
  return {
    columns: fields.map((field) => ({
      field,
      clusters: live
        .filter((cluster) => cluster.fieldId === field.id)
        .map((cluster) => ({ cluster, cardIds: inCluster.get(cluster.id) ?? [] })),
      looseCardIds: loose.get(field.id) ?? [],
    })),
    unplacedCardIds: unplaced,
  };
}

/** Ids of the cards a live cluster shows, in order. */
export function clusterCardIds(doc: Y.Doc, clusterId: string): string[] {
  const layout = readBoard(doc);
  for (const column of layout.columns) {
    const found = column.clusters.find((entry) => entry.cluster.id === clusterId);
    if (found) return [...found.cardIds];
  }
  return [];
}
