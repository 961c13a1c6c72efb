// The layout of one workshop's Yjs document. One document holds the strategy and
// the board; each entity is a Y.Map keyed by its id inside a root map, so that
// concurrent edits to different entities (or different fields of one) never clash,
// and long texts are Y.Text so that two people typing in one field both keep their words.
// Facilitation (shared/facilitation, docs/facilitation.md) adds its own roots; documents
// without them read as "facilitation not started", so no schema version bump is needed.
import * as Y from 'yjs';

export const ROOT = {
  meta: 'meta',
  strategy: 'strategy',
  fields: 'fields',
  goals: 'goals',
  measures: 'measures',
  cards: 'cards',
  /** Facilitation entities: people in the room, the agenda, card clusters, comments. */
  participants: 'participants',
  phases: 'phases',
  clusters: 'clusters',
  comments: 'comments',
  /** Facilitation state: host, current phase, lock, anonymity, follow, timer (plain values). */
  facilitation: 'facilitation',
  /** Dot votes: "<voterId>:<uniqueId>" → immutable plain entry. */
  votes: 'votes',
  /** Ready check: participantId → the phase run they declared themselves done in. */
  ready: 'ready',
  /** Private writing progress: participantId → { phase, count }, never any text. */
  draftCounts: 'draftCounts',
  /** Draft ids already published as cards, so that no draft is ever published twice. */
  publishedDrafts: 'publishedDrafts',
  /** Hidden-vote progress: voterId → { phase, round, used }, never what was voted for. */
  voteProgress: 'voteProgress',
} as const;

export type CollectionName =
  'fields' | 'goals' | 'measures' | 'cards' | 'participants' | 'phases' | 'clusters' | 'comments';
export const COLLECTIONS: readonly CollectionName[] = [
  'fields',
  'goals',
  'measures',
  'cards',
  'participants',
  'phases',
  'clusters',
  'comments',
];

/** Roots that hold plain values (or small maps) rather than entities keyed by id. */
export type ValueRootName =
  | 'meta'
  | 'strategy'
  | 'facilitation'
  | 'votes'
  | 'ready'
  | 'draftCounts'
  | 'publishedDrafts'
  | 'voteProgress';
export const VALUE_ROOTS: readonly ValueRootName[] = [
  'meta',
  'strategy',
  'facilitation',
  'votes',
  'ready',
  'draftCounts',
  'publishedDrafts',
  'voteProgress',
];

/** An entity inside a collection: plain values plus Y.Text for editable text. */
export type EntityMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

export function strategyMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.strategy);
}

export function valueRoot(doc: Y.Doc, name: ValueRootName): Y.Map<unknown> {
  return doc.getMap(ROOT[name]);
}

export function collection(doc: Y.Doc, name: CollectionName): Y.Map<EntityMap> {
  return doc.getMap<EntityMap>(ROOT[name]);
}

/** Whether a collection entry is an entity map; readers and commands skip anything else. */
export function isEntity(value: unknown): value is EntityMap {
  return value instanceof Y.Map;
}
