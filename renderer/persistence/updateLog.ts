// Keeps one workshop document in IndexedDB as a log of Yjs updates.
//
// Why not y-dexie: measured here, it writes one row per Yjs transaction, and 10,000
// single edits took 23 s to write and blocked reload for 45 s. Here edits are
// batched: a change waits at most SAVE_DELAY_MS, then everything the document
// gained since the last write is encoded as one update (the diff against the
// state vector last saved) and written as one row, in one IndexedDB transaction
// together with the workshop's list entry. Merging the individual updates instead
// (Y.mergeUpdates) took 2.3 s for 10,000 keystrokes; the diff takes milliseconds.
// When the log grows past COMPACT_AFTER_ROWS rows it is folded, inside one
// transaction, so a crash can never lose rows: the rows after the first into one,
// and the first (the bulk of the document) with them only once they have grown as
// large as it (compactWorkshop).
// Opening applies the rows one by one rather than merging them first: merging
// re-encodes the whole document (~100–200 ms for 2,000 cards on the UI thread, on
// top of applying it), and a log almost always has more than one row.
// Figures: `npm run bench` (persistence.*) and docs/benchmarks.md.
//
// What a crash can lose: the updates of the last SAVE_DELAY_MS, plus the write in
// flight. Closing a window or tab flushes at once (pagehide).
import * as Y from 'yjs';
import { PERSISTENCE_ORIGIN } from '../../shared/schema/origin';
import { collection } from '../../shared/schema/doc';
import { readWorkshopInfo } from '../../shared/model/read';
import type { WerkstattDb } from './db';

export const SAVE_DELAY_MS = 100;
export const COMPACT_AFTER_ROWS = 200;
export const RETRY_DELAY_MS = 2_000;

export type SaveState = 'saved' | 'saving' | 'error';

export interface SaveStatus {
  readonly state: SaveState;
  readonly lastSavedAt: number | null;
  readonly error: string | null;
}

/** What opening a workshop's log found: its rows, and how many of them were damaged. */
export interface LoadedRows {
  readonly rows: number;
  readonly unreadableRows: number;
}

/** A workshop's stored updates, oldest first. */
export async function readWorkshopUpdates(
  db: WerkstattDb,
  workshopId: string,
): Promise<Uint8Array[]> {
  const rows = await db.updates.where('workshopId').equals(workshopId).sortBy('seq');
  return rows.map((row) => row.update);
}

/**
 * Applies stored updates to `doc`, oldest first; returns how many could not be read.
 * One damaged row must not cost the user the rest: every other row is applied.
 * (Yjs reads a row's new content completely before it adds any; a row damaged only
 * in its deletions at the end may leave its content without those deletions.)
 */
export function applyStoredUpdates(doc: Y.Doc, updates: readonly Uint8Array[]): LoadedRows {
  let unreadableRows = 0;
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update, PERSISTENCE_ORIGIN);
    } catch {
      unreadableRows++;
    }
  }
  return { rows: updates.length, unreadableRows };
}

/** Reads a workshop's stored updates and merges them into one. */
export async function loadWorkshopUpdate(
  db: WerkstattDb,
  workshopId: string,
): Promise<{ update: Uint8Array | null; rows: number; unreadableRows: number }> {
  const updates = await readWorkshopUpdates(db, workshopId);
  if (updates.length === 0) return { update: null, rows: 0, unreadableRows: 0 };
  try {
    return { update: Y.mergeUpdates(updates), rows: updates.length, unreadableRows: 0 };
  } catch {
    // One damaged row must not cost the user the rest: keep every row that reads.
    const readable = updates.filter(isReadableUpdate);
    return {
      update: readable.length ? Y.mergeUpdates(readable) : null,
      rows: updates.length,
      unreadableRows: updates.length - readable.length,
    };
  }
}

function isReadableUpdate(update: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), update);
    return true;
  } catch {
    return false;
  }
}

/**
 * Folds a workshop's log, atomically; returns the rows left. Merging takes time in
 * proportion to the bytes merged and runs on the UI thread: the first row of a
 * 2,000-card workshop takes ~100 ms to merge (the board freezes), the edits since
 * a few. So the rows after the first are folded into one, and the first joins them
 * only once they are as large as it is.
 */
export async function compactWorkshop(db: WerkstattDb, workshopId: string): Promise<number> {
  return db.transaction('rw', db.updates, async () => {
    const rows = await db.updates.where('workshopId').equals(workshopId).sortBy('seq');
    const [first, ...later] = rows;
    if (!first || later.length <= 1) return rows.length;
    const laterBytes = later.reduce((sum, row) => sum + row.update.byteLength, 0);
    const folded = laterBytes >= first.update.byteLength ? rows : later;
    const merged = Y.mergeUpdates(folded.map((row) => row.update));
    await db.updates.bulkDelete(folded.map((row) => row.seq as number));
    await db.updates.add({ workshopId, update: merged });
    return rows.length - folded.length + 1;
  });
}

export class UpdateLog {
  /** The document's state vector as of the last successful write. */
  private savedVector: Uint8Array;
  /** Something changed since the write that is on disk or under way. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<boolean> | null = null;
  private rowsSinceCompaction: number;
  private status: SaveStatus = { state: 'saved', lastSavedAt: null, error: null };
  private readonly listeners = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly db: WerkstattDb,
    private readonly workshopId: string,
    private readonly doc: Y.Doc,
    storedRows: number,
  ) {
    this.rowsSinceCompaction = storedRows;
    this.savedVector = Y.encodeStateVector(doc);
    doc.on('update', this.onUpdate);
  }

  /** Loads the stored document into `doc`, then saves every later change of it. */
  static async open(db: WerkstattDb, workshopId: string, doc: Y.Doc): Promise<UpdateLog> {
    const loaded = applyStoredUpdates(doc, await readWorkshopUpdates(db, workshopId));
    return UpdateLog.attach(db, workshopId, doc, loaded);
  }

  /**
   * Saves every later change of `doc`, which holds the stored rows already
   * (applyStoredUpdates) and nothing else: a change made in between would not be saved.
   */
  static attach(db: WerkstattDb, workshopId: string, doc: Y.Doc, loaded: LoadedRows): UpdateLog {
    const log = new UpdateLog(db, workshopId, doc, loaded.rows);
    if (loaded.unreadableRows > 0) {
      log.setStatus({
        state: 'error',
        error: `${loaded.unreadableRows} damaged saved change(s) could not be read`,
      });
    }
    return log;
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Writes everything that is waiting now; resolves when it is on disk (or failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    for (;;) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      if (!this.dirty) return;
      if (!(await this.writeBatch())) return;
    }
  }

  private writeBatch(): Promise<boolean> {
    const vector = Y.encodeStateVector(this.doc);
    // Deletions do not change the state vector; the diff carries the delete set.
    const update = Y.encodeStateAsUpdate(this.doc, this.savedVector);
    this.dirty = false;
    const writing = this.write(update)
      .then(
        () => {
          this.savedVector = vector;
          this.setStatus({
            state: this.dirty ? 'saving' : 'saved',
            lastSavedAt: Date.now(),
            error: null,
          });
          return true;
        },
        (error: unknown) => {
          // Nothing is dropped: the next write encodes again from the last saved vector.
          this.dirty = true;
          this.setStatus({ state: 'error', error: String(error) });
          if (!this.closed && !this.timer) this.schedule(RETRY_DELAY_MS);
          return false;
        },
      )
      .finally(() => {
        this.writing = null;
      });
    this.writing = writing;
    return writing;
  }

  async close(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    await this.flush();
    this.closed = true;
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === PERSISTENCE_ORIGIN) return;
    this.dirty = true;
    if (this.status.state === 'saved') this.setStatus({ state: 'saving' });
    if (!this.timer && !this.writing) this.schedule(SAVE_DELAY_MS);
  };

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private async write(update: Uint8Array): Promise<void> {
    const info = readWorkshopInfo(this.doc);
    const cardCount = collection(this.doc, 'cards').size;
    const fieldCount = collection(this.doc, 'fields').size;
    await this.db.transaction('rw', this.db.updates, this.db.workshops, async () => {
      await this.db.updates.add({ workshopId: this.workshopId, update });
      await this.db.workshops.update(this.workshopId, {
        title: info.title,
        updatedAt: Date.now(),
        cardCount,
        fieldCount,
      });
    });
    this.rowsSinceCompaction++;
    if (this.rowsSinceCompaction > COMPACT_AFTER_ROWS) {
      this.rowsSinceCompaction = await compactWorkshop(this.db, this.workshopId);
    }
  }

  private setStatus(change: Partial<SaveStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of Array.from(this.listeners)) listener();
  }
}
