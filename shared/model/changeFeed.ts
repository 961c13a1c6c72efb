// Tells subscribers which parts of a workshop document a transaction touched, so
// that a view of one card is woken only when that card changes, and a column only
// when cards join, leave or reorder. Keys look like "cards" (membership and order
// of a collection), "cards/<id>" (one entity), and one key per plain-value root
// ("strategy", "meta", "facilitation", "votes", "ready", "draftCounts", "publishedDrafts",
// "voteProgress").
import * as Y from 'yjs';
import { COLLECTIONS, ROOT, VALUE_ROOTS, type CollectionName } from '../schema/doc';

export type ChangeKey = string;
type Listener = () => void;
type DeepEvent = Y.YEvent<Y.Map<unknown>>;

/** Fields whose change can alter a collection's grouping or order. */
const LAYOUT_KEYS: ReadonlySet<string> = new Set([
  'position',
  'fieldId',
  'goalId',
  'clusterId',
  'cardId',
  'mergedInto',
]);

export function entityKey(name: CollectionName, id: string): ChangeKey {
  return `${name}/${id}`;
}

export class ChangeFeed {
  private readonly listeners = new Map<ChangeKey, Set<Listener>>();
  private readonly anyListeners = new Set<Listener>();
  private readonly versions = new Map<ChangeKey, number>();
  private readonly detach: () => void;
  /** Keys touched by the transaction in progress; emitted once it ends. */
  private pending = new Set<ChangeKey>();

  constructor(doc: Y.Doc) {
    const observers: [Y.Map<unknown>, (events: DeepEvent[]) => void][] = [];
    for (const name of COLLECTIONS) {
      const root = doc.getMap(ROOT[name]);
      const observer = (events: DeepEvent[]) => collectionKeys(name, events, this.pending);
      root.observeDeep(observer);
      observers.push([root, observer]);
    }
    for (const name of VALUE_ROOTS) {
      const root = doc.getMap(ROOT[name]);
      const observer = () => this.pending.add(name);
      root.observeDeep(observer);
      observers.push([root, observer]);
    }
    const flush = () => {
      if (this.pending.size === 0) return;
      const keys = this.pending;
      this.pending = new Set();
      this.emit(keys);
    };
    doc.on('afterTransaction', flush);
    this.detach = () => {
      for (const [type, observer] of observers) type.unobserveDeep(observer);
      doc.off('afterTransaction', flush);
    };
  }

  subscribe(key: ChangeKey, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      // Only drop the set if it is still the registered one: a second call of this
      // function must not detach a later subscriber to the same key.
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  /** Called after every transaction that changed anything. */
  subscribeAll(listener: Listener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  destroy(): void {
    this.detach();
    this.listeners.clear();
    this.anyListeners.clear();
  }

  /** Grows each time `key` changes: lets a cached read tell whether it is stale. */
  version(key: ChangeKey): number {
    return this.versions.get(key) ?? 0;
  }

  private emit(keys: Set<ChangeKey>): void {
    for (const key of keys) this.versions.set(key, this.version(key) + 1);
    for (const key of keys) {
      const set = this.listeners.get(key);
      if (set) for (const listener of Array.from(set)) listener();
    }
    for (const listener of Array.from(this.anyListeners)) listener();
  }
}

function collectionKeys(name: CollectionName, events: DeepEvent[], keys: Set<ChangeKey>): void {
  for (const event of events) {
    const [entityId] = event.path;
    if (entityId === undefined) {
      // The collection map itself: entities added or removed.
      keys.add(name);
      for (const id of event.changes.keys.keys()) keys.add(entityKey(name, id));
      continue;
    }
    keys.add(entityKey(name, String(entityId)));
    if (event.path.length === 1 && event.target instanceof Y.Map) {
      for (const key of event.changes.keys.keys()) {
        if (LAYOUT_KEYS.has(key)) keys.add(name);
      }
    }
  }
}
