// View-model hooks for facilitation. Every hook reads a derived store of the
// workshop's FacilitationRuntime and selects the small piece a component needs, so
// that a card re-renders for its own data only (its text, its votes, its comment
// count, whether it is selected), never because another card changed.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { entityKey, type ChangeKey } from '../../../shared/model/changeFeed';
import { readField } from '../../../shared/model/read';
import { readClusterRecords, type Cluster } from '../../../shared/facilitation/board';
import { readFacilitatedCard, type FacilitatedCard } from '../../../shared/facilitation/cards';
import { listComments, type Comment } from '../../../shared/facilitation/comments';
import { participantName } from '../../../shared/facilitation/participants';
import type { Draft } from '../../../shared/facilitation/drafts';
import { readParticipantName } from '../useAuthorName';
import { useSession } from '../sessionContext';
import { shallowEqual, useDocValue, useDocValues } from '../useDocValue';
import { deepEqual, useStoreSelector } from './derivedStore';
import type { CardSearch, ColumnLayout, FacilitationView, PeopleView, VoteView } from './reads';
import { facilitationRuntime, type FacilitationRuntime } from './runtime';

export type { CardSearch, ColumnLayout, FacilitationView, PeopleView, VoteView };

export function useRuntime(): FacilitationRuntime {
  return facilitationRuntime(useSession());
}

/** Joins the workshop and starts the runtime once the workshop screen is shown. */
export function useActivateFacilitation(): void {
  const runtime = useRuntime();
  useEffect(() => runtime.activate(readParticipantName()), [runtime]);
}

export function useFacilitationView(): FacilitationView {
  const runtime = useRuntime();
  return useStoreSelector(runtime.view, (view) => view);
}

/** One piece of the facilitation view; re-renders when that piece changes. */
export function useFacilitationSelect<S>(
  select: (view: FacilitationView) => S,
  isEqual: (a: S, b: S) => boolean = deepEqual,
): S {
  return useStoreSelector(useRuntime().view, select, isEqual);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * The next layout of a column, reusing every list of the previous one that did not
 * change: dnd-kit re-renders all cards of a sortable list whose items array is new.
 */
export function shareColumn(
  previous: ColumnLayout | undefined,
  next: ColumnLayout | undefined,
): ColumnLayout | undefined {
  if (!previous || !next) return next;
  const looseCardIds = sameIds(previous.looseCardIds, next.looseCardIds)
    ? previous.looseCardIds
    : next.looseCardIds;
  const reused = next.clusters.map((cluster) => {
    const before = previous.clusters.find((entry) => entry.id === cluster.id);
    return before && sameIds(before.cardIds, cluster.cardIds) ? before : cluster;
  });
  const clusters =
    reused.length === previous.clusters.length &&
    reused.every((cluster, index) => cluster === previous.clusters[index])
      ? previous.clusters
      : reused;
  if (looseCardIds === previous.looseCardIds && clusters === previous.clusters) return previous;
  return { fieldId: next.fieldId, clusters, looseCardIds };
}

/** A column's clusters and loose cards; re-renders when that column's layout changes. */
export function useColumnLayout(fieldId: string): ColumnLayout | undefined {
  const runtime = useRuntime();
  const previous = useRef<ColumnLayout | undefined>(undefined);
  return useStoreSelector(runtime.layout, (layout) => {
    const next = shareColumn(previous.current, layout.columns.get(fieldId));
    previous.current = next;
    return next;
  });
}

export function useFacilitatedCard(id: string): FacilitatedCard | undefined {
  return useDocValue(entityKey('cards', id), (doc) => readFacilitatedCard(doc, id));
}

/** The texts of several cards (undefined for one this participant cannot read). */
export function useCardTexts(ids: readonly string[]): readonly (string | undefined)[] {
  const keys = useMemo(() => ids.map((id) => entityKey('cards', id)), [ids]);
  return useDocValues(keys, (doc) => ids.map((id) => readFacilitatedCard(doc, id)?.text));
}

function readCluster(doc: Y.Doc, id: string): Cluster | undefined {
  return readClusterRecords(doc).get(id);
}

export function useCluster(id: string): Cluster | undefined {
  return useDocValue(entityKey('clusters', id), (doc) => readCluster(doc, id));
}

/** The title of a column, for labels. */
export function useFieldTitle(fieldId: string): string {
  return useDocValue(entityKey('fields', fieldId), (doc) => readField(doc, fieldId)?.title ?? '');
}

/** This device's private drafts in a column. */
export function useOwnDraftsIn(fieldId: string): readonly Draft[] {
  const runtime = useRuntime();
  return useStoreSelector(
    runtime.draftsVersion,
    () => runtime.getOwnDrafts().pending.filter((draft) => draft.fieldId === fieldId),
    deepEqual,
  );
}

/** Whether this device wrote the card (its published drafts, anonymous ones included). */
export function useIsOwnCard(cardId: string): boolean {
  const runtime = useRuntime();
  return useStoreSelector(runtime.draftsVersion, () =>
    runtime.getOwnDrafts().ownCardIds.has(cardId),
  );
}

export function useVoteView(): VoteView | null {
  return useStoreSelector(useRuntime().votes, (votes) => votes);
}

export function useCommentCount(cardId: string): number {
  const runtime = useRuntime();
  return useStoreSelector(runtime.commentCounts, (counts) => counts.get(cardId) ?? 0);
}

/**
 * Reads a value that depends on several change keys; re-renders when one of them
 * changed and the value read differs.
 */
export function useDocKeysValue<T>(
  keys: readonly ChangeKey[],
  read: (doc: Y.Doc) => T,
  isEqual: (a: T, b: T) => boolean = deepEqual,
): T {
  const session = useSession();
  const keyList = keys.join('\n');
  const cache = useRef<{ signature: string; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribes = keyList.split('\n').map((key) => session.feed.subscribe(key, onChange));
      return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    },
    [session, keyList],
  );
  const getSnapshot = () => {
    const signature = `${keyList}|${keys.map((key) => session.feed.version(key)).join(',')}`;
    const cached = cache.current;
    if (cached && cached.signature === signature) return cached.value;
    const next = read(session.doc);
    const value = cached && isEqual(cached.value, next) ? cached.value : next;
    cache.current = { signature, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** A card's comments, oldest first (rendered only while its thread is open). */
export function useComments(cardId: string): readonly Comment[] {
  const ids = useDocValue('comments', (doc) => listComments(doc, cardId).map((c) => c.id));
  return useDocKeysValue(['comments', ...ids.map((id) => entityKey('comments', id))], (doc) =>
    listComments(doc, cardId),
  );
}

export function usePeople(): PeopleView {
  return useStoreSelector(useRuntime().people, (people) => people);
}

export function useReadyCount(): { count: number; total: number; meReady: boolean } {
  return useStoreSelector(
    useRuntime().people,
    (people) => ({ count: people.readyCount, total: people.readyTotal, meReady: people.meReady }),
    deepEqual,
  );
}

export function useSearch(): CardSearch {
  return useStoreSelector(useRuntime().search, (search) => search);
}

/** Whether the card passes the search (true while no search is on). */
export function useMatchesSearch(cardId: string): boolean {
  const runtime = useRuntime();
  return useStoreSelector(runtime.searchResults, (results) => results?.has(cardId) ?? true);
}

/** useMatchesSearch for several cards at once. */
export function useMatchSearch(cardIds: readonly string[]): readonly boolean[] {
  return useStoreSelector(
    useRuntime().searchResults,
    (results) => cardIds.map((id) => results?.has(id) ?? true),
    shallowEqual,
  );
}

export function useSearchResultCount(): number | null {
  return useStoreSelector(useRuntime().searchResults, (results) => results?.size ?? null);
}

export function useSelecting(): boolean {
  return useStoreSelector(useRuntime().selecting, (selecting) => selecting);
}

export function useIsSelected(cardId: string): boolean {
  return useStoreSelector(useRuntime().selection, (selection) => selection.has(cardId));
}

export function useSelectionSize(): number {
  return useStoreSelector(useRuntime().selection, (selection) => selection.size);
}

export function useClockOffset(): number {
  return useStoreSelector(useRuntime().clockOffset, (offset) => offset);
}

/** Whether this cluster was just created here and should open with its name focused. */
export function useClusterFocusRequest(clusterId: string): [boolean, () => void] {
  const runtime = useRuntime();
  const requested = useStoreSelector(runtime.focusCluster, (id) => id === clusterId);
  return [requested, () => runtime.focusCluster.set(null)];
}

/** The "no laptop" participant this facilitator enters for ('' for themselves). */
export function useActingFor(): string {
  return useStoreSelector(useRuntime().actingFor, (id) => id);
}

/** A participant's display name. */
export function useParticipantName(participantId: string): string {
  return useDocValue(entityKey('participants', participantId), (doc) =>
    participantName(doc, participantId),
  );
}
