// The layout of one workshop's Yjs document. One document holds the strategy and
// the board; each entity is a Y.Map keyed by its id inside a root map, so that
// concurrent edits to different entities (or different fields of one) never clash,
// and long texts are Y.Text so that two people typing in one field both keep their words.
import * as Y from 'yjs';

export const ROOT = {
  meta: 'meta',
  strategy: 'strategy',
  fields: 'fields',
  goals: 'goals',
  measures: 'measures',
  cards: 'cards',
} as const;

export type CollectionName = 'fields' | 'goals' | 'measures' | 'cards';
export const COLLECTIONS: readonly CollectionName[] = ['fields', 'goals', 'measures', 'cards'];

/** An entity inside a collection: plain values plus Y.Text for editable text. */
export type EntityMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

export function strategyMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.strategy);
}

export function collection(doc: Y.Doc, name: CollectionName): Y.Map<EntityMap> {
  return doc.getMap<EntityMap>(ROOT[name]);
}

/** Whether a collection entry is an entity map; readers and commands skip anything else. */
export function isEntity(value: unknown): value is EntityMap {
  return value instanceof Y.Map;
}
