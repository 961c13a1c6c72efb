// The facilitation side of an open workshop, one per WorkshopSession: who this
// device is (participant id), its private draft document (persisted locally under
// "<workshopId>:drafts", never synced; it holds private cards and hidden votes),
// publishing both when their phase is revealed, the offset to the host's clock, and
// the derived stores the hooks read.
// It lives as long as the session's document: created on first use, disposed when
// the document is destroyed (WorkshopSession.close).
import * as Y from 'yjs';
import { db as appDb } from '../../app/database';
import type { WerkstattDb } from '../../persistence/db';
import { draftsDocId } from '../../persistence/draftsDoc';
import { UpdateLog } from '../../persistence/updateLog';
import type { WorkshopSession } from '../../session/workshopSession';
import { LOCAL_ORIGIN } from '../../../shared/schema/origin';
import {
  addSample,
  estimateClockOffset,
  type PingSample,
} from '../../../shared/facilitation/clockSync';
import { listDrafts, ownCardIds, type Draft } from '../../../shared/facilitation/drafts';
import { joinWorkshop, readParticipant } from '../../../shared/facilitation/participants';
import { publishableDrafts, publishDrafts } from '../../../shared/facilitation/publish';
import { privateVoteCount, publishVotes } from '../../../shared/facilitation/privateVotes';
import { privateVotesMap } from '../../../shared/facilitation/voteEntries';
import { isAnonymousWorkshop } from '../../../shared/facilitation/sessionState';
import { cleanName } from '../../../shared/facilitation/values';
import { DerivedStore, LocalStore } from './derivedStore';
import { readParticipantId } from './participantIdentity';
import {
  EMPTY_SEARCH,
  isSearchActive,
  LAYOUT_KEYS,
  peopleKeys,
  readCommentCounts,
  readLayout,
  readPeople,
  readView,
  readVotes,
  searchMatches,
  viewKeys,
  voteKeys,
  type CardSearch,
} from './reads';

export { draftsDocId };

/** In anonymous mode drafts are published one at a time, this far apart (ms, random). */
export const ANONYMOUS_PUBLISH_DELAY_MS = { min: 150, max: 900 } as const;
/** Search results are recomputed this long after the last change while a search is on. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface OwnDrafts {
  /** Private drafts not yet published, in order of writing. */
  readonly pending: readonly Draft[];
  /** Cards this device published from its drafts (its anonymous cards included). */
  readonly ownCardIds: ReadonlySet<string>;
}

export class FacilitationRuntime {
  readonly me: string;
  readonly drafts = new Y.Doc();
  /** Bumps on every change of the draft document and when it has been loaded. */
  readonly draftsVersion = new LocalStore(0);
  readonly clockOffset = new LocalStore(0);
  readonly selecting = new LocalStore(false);
  readonly selection = new LocalStore<ReadonlySet<string>>(new Set());
  readonly search = new LocalStore<CardSearch>(EMPTY_SEARCH);
  /**
   * A "no laptop" participant this facilitator is entering cards, dots and "done"
   * for; '' for themselves.
   */
  readonly actingFor = new LocalStore('');
  /** A cluster just created here, whose name field should take the focus. */
  readonly focusCluster = new LocalStore<string | null>(null);
  /** Ids of the cards that pass the search; null while no search is on. */
  readonly searchResults = new LocalStore<ReadonlySet<string> | null>(null);

  readonly view: DerivedStore<ReturnType<typeof readView>>;
  readonly layout: DerivedStore<ReturnType<typeof readLayout>>;
  readonly votes: DerivedStore<ReturnType<typeof readVotes>>;
  readonly commentCounts: DerivedStore<Map<string, number>>;
  readonly people: DerivedStore<ReturnType<typeof readPeople>>;

  private draftsLog: UpdateLog | null = null;
  private draftsReady = false;
  private pendingDrafts = 0;
  private pendingVotes = 0;
  private ownDrafts: OwnDrafts = { pending: [], ownCardIds: new Set() };
  private ownDraftsVersion = -1;
  private samples: PingSample[] = [];
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private activated = false;
  private disposed = false;
  private readonly disposers: (() => void)[] = [];

  private readonly db: WerkstattDb;

  constructor(
    readonly session: WorkshopSession,
    options: { readonly me?: string; readonly db?: WerkstattDb } = {},
  ) {
    const me = options.me ?? readParticipantId();
    this.me = me;
    this.db = options.db ?? appDb;
    const { doc, feed } = session;
    this.view = new DerivedStore(
      feed,
      (previous) => viewKeys(previous, me),
      () => readView(doc, me),
    );
    this.layout = new DerivedStore(
      feed,
      () => LAYOUT_KEYS,
      () => readLayout(doc),
      () => false,
    );
    // Counts this device's hidden dots too, once its private document is loaded.
    this.votes = new DerivedStore(feed, voteKeys, () =>
      readVotes(doc, me, this.actingFor.get() || me, this.draftsReady ? this.drafts : undefined),
    );
    this.commentCounts = new DerivedStore(
      feed,
      () => ['comments'],
      () => readCommentCounts(doc),
    );
    this.people = new DerivedStore(feed, peopleKeys, () => readPeople(doc, me));
  }

  /** Host time now, as well as this laptop can tell (offset 0 until a ping says more). */
  hostNow = (): number => Date.now() + this.clockOffset.get();

  /** For the sync layer: a clock ping to the host (docs/facilitation.md, Timer). */
  addClockSample(sample: PingSample): void {
    this.samples = addSample(this.samples, sample);
    const estimate = estimateClockOffset(this.samples);
    if (estimate) this.clockOffset.set(Math.round(estimate.offsetMs));
  }

  /**
   * Runs a command that must not land on this user's undo stack: joining, starting
   * facilitation, publishing drafts (an undo would delete the revealed cards).
   */
  withoutUndo<T>(fn: () => T): T {
    const tracked = this.session.undo.trackedOrigins;
    const had = tracked.delete(LOCAL_ORIGIN);
    try {
      return fn();
    } finally {
      if (had) tracked.add(LOCAL_ORIGIN);
    }
  }

  /** Joins the workshop under this device's id, or updates the display name. */
  join(name: string): void {
    if (this.disposed) return;
    const existing = readParticipant(this.session.doc, this.me);
    if (existing && existing.name === cleanName(name)) return;
    this.withoutUndo(() => joinWorkshop(this.session.doc, this.me, name, this.hostNow()));
  }

  /** Joins, loads the draft document and starts publishing; idempotent. */
  activate(name: string): void {
    if (this.activated || this.disposed) return;
    this.activated = true;
    this.join(name);
    const { doc, feed } = this.session;
    const onDestroy = () => this.dispose();
    doc.on('destroy', onDestroy);
    for (const sample of this.session.clockSamples()) this.addClockSample(sample);
    this.disposers.push(this.session.onClockSample((sample) => this.addClockSample(sample)));
    this.disposers.push(() => doc.off('destroy', onDestroy));
    this.disposers.push(feed.subscribeAll(() => this.sharedChanged()));
    const onDraftUpdate = () => this.draftsChanged();
    this.drafts.on('update', onDraftUpdate);
    this.disposers.push(() => this.drafts.off('update', onDraftUpdate));
    // Hidden dots count on this laptop: recount when they change (not on every
    // keystroke in a private card).
    const ballots = privateVotesMap(this.drafts);
    const onBallots = () => this.votes.invalidate();
    ballots.observe(onBallots);
    this.disposers.push(() => ballots.unobserve(onBallots));
    const flush = () => void this.draftsLog?.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    this.disposers.push(() => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    });
    void UpdateLog.open(this.db, draftsDocId(this.session.id), this.drafts).then(
      (log) => {
        if (this.disposed) {
          void log.close();
          return;
        }
        this.draftsLog = log;
        this.draftsReady = true;
        // From now on the vote store counts this device's hidden dots.
        this.votes.invalidate();
        this.draftsChanged();
      },
      (error: unknown) => console.warn('private drafts could not be loaded', error),
    );
  }

  isDraftsReady(): boolean {
    return this.draftsReady;
  }

  /** This device's drafts, cached per draft-document version. */
  getOwnDrafts = (): OwnDrafts => {
    const version = this.draftsVersion.get();
    if (version !== this.ownDraftsVersion) {
      this.ownDraftsVersion = version;
      this.ownDrafts = {
        pending: listDrafts(this.drafts, { pending: true }),
        ownCardIds: ownCardIds(this.drafts),
      };
    }
    return this.ownDrafts;
  };

  /** Enter cards and dots for a "no laptop" participant ('' for oneself). */
  setActingFor(participantId: string): void {
    this.actingFor.set(participantId);
    this.votes.invalidate();
  }

  setSearch(search: CardSearch): void {
    this.search.set(search);
    this.recomputeSearch();
  }

  toggleSelected(cardId: string, selected: boolean): void {
    const next = new Set(this.selection.get());
    if (selected) next.add(cardId);
    else next.delete(cardId);
    this.selection.set(next);
  }

  clearSelection(): void {
    if (this.selection.get().size > 0) this.selection.set(new Set());
  }

  private draftsChanged(): void {
    this.pendingDrafts = listDrafts(this.drafts, { pending: true }).length;
    this.pendingVotes = privateVoteCount(this.drafts);
    this.draftsVersion.set(this.draftsVersion.get() + 1);
    this.schedulePublish(0);
  }

  private sharedChanged(): void {
    this.schedulePublish(0);
    if (isSearchActive(this.search.get()) && this.searchTimer === null) {
      this.searchTimer = setTimeout(() => {
        this.searchTimer = null;
        this.recomputeSearch();
      }, SEARCH_DEBOUNCE_MS);
    }
  }

  private recomputeSearch(): void {
    const search = this.search.get();
    this.searchResults.set(isSearchActive(search) ? searchMatches(this.session.doc, search) : null);
  }

  private schedulePublish(delayMs: number): void {
    if (!this.draftsReady || this.publishTimer !== null) return;
    if (this.pendingDrafts === 0 && this.pendingVotes === 0) return;
    // Not inside the transaction's own callbacks: publishing writes a new transaction.
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.publish();
    }, delayMs);
  }

  private publish(): void {
    if (this.disposed) return;
    const { doc } = this.session;
    // Hidden dots of a revealed vote: all at once (votes are not anonymous).
    // (A no-op, no transaction, while they are still hidden.)
    if (this.pendingVotes > 0) this.withoutUndo(() => publishVotes(doc, this.drafts));
    if (publishableDrafts(doc, this.drafts).length === 0) return;
    const anonymous = isAnonymousWorkshop(doc);
    // Anonymous: one card per round, at random intervals, so that one device's cards
    // do not arrive as one message (docs/facilitation.md, "What remains derivable").
    this.withoutUndo(() => publishDrafts(doc, this.drafts, anonymous ? { limit: 1 } : {}));
    if (anonymous && publishableDrafts(doc, this.drafts).length > 0) {
      const { min, max } = ANONYMOUS_PUBLISH_DELAY_MS;
      this.schedulePublish(min + Math.random() * (max - min));
    }
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    const log = this.draftsLog;
    this.draftsLog = null;
    void log?.close().finally(() => this.drafts.destroy());
    runtimes.delete(this.session);
  }
}

const runtimes = new WeakMap<WorkshopSession, FacilitationRuntime>();

/** The runtime of an open workshop, created on first use. */
export function facilitationRuntime(session: WorkshopSession): FacilitationRuntime {
  let runtime = runtimes.get(session);
  if (!runtime) {
    runtime = new FacilitationRuntime(session);
    runtimes.set(session, runtime);
  }
  return runtime;
}
