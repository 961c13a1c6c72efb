// What the facilitation UI shows, read from the workshop document as plain data.
// Each function is the `compute` of one derived store (runtime.ts); none of them
// writes. Components get these shapes through hooks and never see Yjs.
import type * as Y from 'yjs';
import { collection, isEntity } from '../../../shared/schema/doc';
import { getNumber, getString } from '../../../shared/model/entity';
import { listFields } from '../../../shared/model/read';
import { byPosition } from '../../../shared/model/position';
import { listClusters, placeCard, readClusterRecords } from '../../../shared/facilitation/board';
import { listFacilitatedCards } from '../../../shared/facilitation/cards';
import { commentsByCard } from '../../../shared/facilitation/comments';
import { readFollow, type Follow } from '../../../shared/facilitation/follow';
import { listParticipants, participantName } from '../../../shared/facilitation/participants';
import { currentPhase, listPhases, type Phase } from '../../../shared/facilitation/phases';
import { readDraftProgress } from '../../../shared/facilitation/privateWriting';
import { readReadyCheck } from '../../../shared/facilitation/ready';
import { isFacilitatorRole, roleOf, type Role } from '../../../shared/facilitation/roles';
import { filterCards, type CardFilter } from '../../../shared/facilitation/search';
import { readSession } from '../../../shared/facilitation/sessionState';
import { readTimer, type TimerState } from '../../../shared/facilitation/timer';
import {
  countVotes,
  mayViewResults,
  readVoteEntries,
  voteItemResolver,
} from '../../../shared/facilitation/votes';
import { readVoteProgress, type VoteProgress } from '../../../shared/facilitation/voteProgress';
import { votesArePrivate } from '../../../shared/facilitation/privateVotes';
import { rankItems, type RankedItem } from '../../../shared/facilitation/voteCount';
import type { VoteRules } from '../../../shared/facilitation/phases';

export interface FacilitationView {
  /** Somebody started facilitation (there is a host); false: the free board. */
  readonly started: boolean;
  readonly me: string;
  readonly hostId: string;
  readonly hostName: string;
  readonly role: Role;
  readonly facilitator: boolean;
  readonly phases: readonly Phase[];
  /** The running phase; null in free mode. */
  readonly phase: Phase | null;
  /** Index of the running phase in the agenda; -1 in free mode. */
  readonly phaseIndex: number;
  readonly phaseRun: string;
  readonly locked: boolean;
  readonly anonymous: boolean;
  readonly timer: TimerState;
  readonly follow: Follow | null;
}

export function readView(doc: Y.Doc, me: string): FacilitationView {
  const session = readSession(doc);
  const phases = listPhases(doc);
  const phase = currentPhase(doc) ?? null;
  const role = roleOf(doc, me);
  return {
    started: session.hostId !== '',
    me,
    hostId: session.hostId,
    hostName: session.hostId === '' ? '' : participantName(doc, session.hostId),
    role,
    facilitator: isFacilitatorRole(role),
    phases,
    phase,
    phaseIndex: phase ? phases.findIndex((entry) => entry.id === phase.id) : -1,
    phaseRun: session.phaseRun,
    locked: session.locked,
    anonymous: session.anonymous,
    timer: readTimer(doc),
    follow: readFollow(doc) ?? null,
  };
}

export function viewKeys(previous: FacilitationView | undefined, me: string): string[] {
  const keys = ['facilitation', 'phases', `participants/${me}`];
  if (previous?.hostId) keys.push(`participants/${previous.hostId}`);
  for (const phase of previous?.phases ?? []) keys.push(`phases/${phase.id}`);
  return keys;
}

export interface ClusterLayout {
  readonly id: string;
  readonly cardIds: readonly string[];
}

export interface ColumnLayout {
  readonly fieldId: string;
  readonly clusters: readonly ClusterLayout[];
  readonly looseCardIds: readonly string[];
}

export interface BoardLayoutView {
  readonly columns: ReadonlyMap<string, ColumnLayout>;
  /** Where each card shows: its column and (resolved) cluster, '' for loose. */
  readonly placement: ReadonlyMap<string, { readonly fieldId: string; readonly clusterId: string }>;
  /** Every card id in board order (column by column, clusters first). */
  readonly order: readonly string[];
}

/**
 * The board as readBoard (shared/facilitation/board.ts) derives it, but reading only
 * the layout fields of each card: a move of one card on a 2,000-card board must not
 * read 2,000 texts.
 */
export function readLayout(doc: Y.Doc): BoardLayoutView {
  const fields = listFields(doc);
  const fieldIds = new Set(fields.map((field) => field.id));
  const records = readClusterRecords(doc);
  const live = listClusters(doc).filter((cluster) => fieldIds.has(cluster.fieldId));
  const cards: { id: string; position: number; fieldId: string; clusterId: string }[] = [];
  collection(doc, 'cards').forEach((map, id) => {
    if (!isEntity(map)) return;
    cards.push({
      id,
      position: getNumber(map, 'position'),
      fieldId: getString(map, 'fieldId'),
      clusterId: getString(map, 'clusterId'),
    });
  });
  cards.sort(byPosition);
  const inCluster = new Map<string, string[]>(live.map((cluster) => [cluster.id, []]));
  const loose = new Map<string, string[]>(fields.map((field) => [field.id, []]));
  const placement = new Map<string, { fieldId: string; clusterId: string }>();
  for (const card of cards) {
    const placed = placeCard(card, records, fieldIds);
    if (!placed) continue;
    placement.set(card.id, placed);
    if (placed.clusterId !== '') inCluster.get(placed.clusterId)?.push(card.id);
    else loose.get(placed.fieldId)?.push(card.id);
  }
  const columns = new Map<string, ColumnLayout>();
  const order: string[] = [];
  for (const field of fields) {
    const clusters = live
      .filter((cluster) => cluster.fieldId === field.id)
      .map((cluster) => ({ id: cluster.id, cardIds: inCluster.get(cluster.id) ?? [] }));
    const looseCardIds = loose.get(field.id) ?? [];
    columns.set(field.id, { fieldId: field.id, clusters, looseCardIds });
    for (const cluster of clusters) order.push(...cluster.cardIds);
    order.push(...looseCardIds);
  }
  return { columns, placement, order };
}

export const LAYOUT_KEYS = ['cards', 'clusters', 'fields'] as const;

export interface VoteView {
  /** The vote phase the board shows votes for (the running one, else the last before it). */
  readonly phaseId: string;
  readonly phaseTitle: string;
  /** Voting is open now (running vote phase, not revealed). */
  readonly open: boolean;
  readonly rules: VoteRules;
  readonly totals: ReadonlyMap<string, number>;
  /** This participant's counted dots per item. */
  readonly mine: ReadonlyMap<string, number>;
  readonly remaining: number;
  /** Whether this participant may see the totals now. */
  readonly visible: boolean;
  readonly revealed: boolean;
  readonly ranked: readonly RankedItem[];
  readonly participantIds: readonly string[];
  /** Dots stay on each device until the reveal (hidden results, not yet revealed). */
  readonly private: boolean;
  /** How many have voted and how many dots they used, from the shared document. */
  readonly progress: VoteProgress;
}

/** The vote phase to show: the running one if it is a vote, else the last one before it. */
export function votePhaseOf(doc: Y.Doc): Phase | undefined {
  const phase = currentPhase(doc);
  if (!phase) return undefined;
  if (phase.kind === 'vote') return phase;
  const phases = listPhases(doc);
  const index = phases.findIndex((entry) => entry.id === phase.id);
  return phases
    .slice(0, Math.max(0, index))
    .reverse()
    .find((entry) => entry.kind === 'vote');
}

/**
 * The vote as `viewer` sees it, with the dots of `voter`: the viewer, or a "no
 * laptop" participant the facilitator votes for. `ballots`, this device's private
 * document, adds its hidden dots (budget, cap and "my dots" stay right offline).
 */
export function readVotes(
  doc: Y.Doc,
  viewer: string,
  voter: string = viewer,
  ballots?: Y.Doc,
): VoteView | null {
  const phase = votePhaseOf(doc);
  if (!phase) return null;
  const tally = countVotes(doc, phase.id, ballots);
  if (!tally) return null;
  const resolve = voteItemResolver(doc);
  const mine = new Map<string, number>();
  for (const entry of readVoteEntries(doc, phase.id, ballots)) {
    if (entry.voter !== voter || !tally.counted.has(entry.key)) continue;
    const item = resolve(entry.item);
    if (item !== undefined) mine.set(item, (mine.get(item) ?? 0) + 1);
  }
  const running = currentPhase(doc)?.id === phase.id;
  return {
    phaseId: phase.id,
    phaseTitle: phase.title,
    open: running && !phase.revealed,
    rules: phase.vote,
    totals: tally.perItem,
    mine,
    remaining: Math.max(0, phase.vote.budget - (tally.perVoter.get(voter) ?? 0)),
    visible: mayViewResults(doc, viewer, phase.id),
    revealed: phase.revealed,
    ranked: rankItems(tally.perItem),
    participantIds: listParticipants(doc).map((person) => person.id),
    private: votesArePrivate(phase),
    progress: readVoteProgress(doc, phase.id),
  };
}

export function voteKeys(previous: VoteView | null | undefined): string[] {
  const keys = [
    'votes',
    'voteProgress',
    'cards',
    'clusters',
    'facilitation',
    'phases',
    'participants',
  ];
  if (previous) {
    keys.push(`phases/${previous.phaseId}`);
    for (const id of previous.participantIds) keys.push(`participants/${id}`);
  }
  return keys;
}

/** Comment counts per card (a comment's card is a layout key: "comments" changes). */
export function readCommentCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  collection(doc, 'comments').forEach((map) => {
    if (!isEntity(map)) return;
    const cardId = getString(map, 'cardId');
    counts.set(cardId, (counts.get(cardId) ?? 0) + 1);
  });
  return counts;
}

export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly proxy: boolean;
  readonly ready: boolean;
  /** Private drafts in the running phase (0/1 in anonymous mode). */
  readonly drafts: number;
}

export interface PeopleView {
  readonly people: readonly PersonView[];
  readonly readyCount: number;
  readonly readyTotal: number;
  readonly meReady: boolean;
  /** Private drafts in the running phase, summed over everybody. */
  readonly draftTotal: number;
  readonly writers: number;
}

export function readPeople(doc: Y.Doc, me: string): PeopleView {
  const ready = readReadyCheck(doc);
  const readyIds = new Set(ready.readyIds);
  const phase = currentPhase(doc);
  const progress = phase ? readDraftProgress(doc, phase.id) : new Map<string, number>();
  const people = listParticipants(doc).map((person) => ({
    id: person.id,
    name: person.name,
    role: roleOf(doc, person.id),
    proxy: person.proxy,
    ready: readyIds.has(person.id),
    drafts: progress.get(person.id) ?? 0,
  }));
  let draftTotal = 0;
  for (const count of progress.values()) draftTotal += count;
  return {
    people,
    readyCount: ready.count,
    readyTotal: ready.total,
    meReady: readyIds.has(me),
    draftTotal,
    writers: progress.size,
  };
}

export function peopleKeys(previous: PeopleView | undefined): string[] {
  const keys = ['participants', 'ready', 'facilitation', 'draftCounts'];
  for (const person of previous?.people ?? []) keys.push(`participants/${person.id}`);
  return keys;
}

export interface CardSearch {
  readonly query: string;
  /** '' for every column. */
  readonly fieldId: string;
  /** '' for every author. */
  readonly authorId: string;
  readonly withComments: boolean;
}

export const EMPTY_SEARCH: CardSearch = {
  query: '',
  fieldId: '',
  authorId: '',
  withComments: false,
};

export function isSearchActive(search: CardSearch): boolean {
  return search.query.trim() !== '' || search.authorId !== '' || search.withComments;
}

/** Ids of the cards that pass the search (the column filter is applied by the board). */
export function searchMatches(doc: Y.Doc, search: CardSearch): Set<string> {
  const filter: CardFilter = {
    query: search.query,
    authorIds: search.authorId ? [search.authorId] : undefined,
    withComments: search.withComments,
  };
  const anonymous = readSession(doc).anonymous;
  const matches = filterCards(listFacilitatedCards(doc), filter, {
    comments: commentsByCard(doc),
    anonymous,
  });
  return new Set(matches.map((card) => card.id));
}
