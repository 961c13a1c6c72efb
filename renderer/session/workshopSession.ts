// An open workshop: its Yjs document, loaded from and saved to the local database,
// and the change feed that view-model hooks subscribe to.
import * as Y from 'yjs';
import { ChangeFeed } from '../../shared/model/changeFeed';
import { readWorkshopInfo } from '../../shared/model/read';
import { createUndoManager } from '../../shared/model/undo';
import { SCHEMA_VERSION } from '../../shared/schema/version';
import type { WerkstattDb } from '../persistence/db';
import { UpdateLog } from '../persistence/updateLog';
import { SessionConnection } from '../sync/sessionConnection';
import type { SessionLink } from '../sync/sessionLink';
import type { PingSample } from '../../shared/facilitation/clockSync';

export class WorkshopNotFoundError extends Error {}
export class WorkshopTooNewError extends Error {}

export interface WorkshopSession {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly feed: ChangeFeed;
  readonly log: UpdateLog;
  /** Undo/redo of this user's own edits. */
  readonly undo: Y.UndoManager;
  /** The link to the room, if this workshop syncs; null while working alone. */
  getConnection(): SessionConnection | null;
  subscribeConnection(listener: () => void): () => void;
  connect(link: SessionLink, name: string): void;
  /** Clock pings to the session host so far, and a way to hear of new ones. */
  clockSamples(): readonly PingSample[];
  onClockSample(listener: (sample: PingSample) => void): () => void;
  disconnect(): void;
  close(): Promise<void>;
}

const openSessions = new Set<WorkshopSession>();

/** Flushes every open workshop now; called when the page is hidden or closed. */
export function flushAllSessions(): Promise<void> {
  return Promise.all(Array.from(openSessions, (session) => session.log.flush())).then(() => {});
}

export async function openWorkshopSession(
  db: WerkstattDb,
  id: string,
  participantName: string,
): Promise<WorkshopSession> {
  const row = await db.workshops.get(id);
  if (!row || row.deletedAt !== null) throw new WorkshopNotFoundError(id);
  const doc = new Y.Doc();
  const log = await UpdateLog.open(db, id, doc);
  const { schemaVersion } = readWorkshopInfo(doc);
  if (schemaVersion > SCHEMA_VERSION) {
    await log.close();
    doc.destroy();
    throw new WorkshopTooNewError(String(schemaVersion));
  }
  const feed = new ChangeFeed(doc);
  const undo = createUndoManager(doc);
  let connection: SessionConnection | null = null;
  const connectionListeners = new Set<() => void>();
  const samples: PingSample[] = [];
  const sampleListeners = new Set<(sample: PingSample) => void>();
  const addSample = (sample: PingSample) => {
    samples.push(sample);
    for (const listener of Array.from(sampleListeners)) listener(sample);
  };
  const setConnection = (next: SessionConnection | null) => {
    connection?.destroy();
    connection = next;
    for (const listener of Array.from(connectionListeners)) listener();
  };
  const session: WorkshopSession = {
    id,
    doc,
    feed,
    log,
    undo,
    getConnection: () => connection,
    subscribeConnection: (listener) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    connect: (link, name) =>
      setConnection(
        new SessionConnection(doc, { workshopId: id, link, name, onClockSample: addSample }),
      ),
    clockSamples: () => samples,
    onClockSample: (listener) => {
      sampleListeners.add(listener);
      return () => sampleListeners.delete(listener);
    },
    disconnect: () => setConnection(null),
    close: async () => {
      openSessions.delete(session);
      setConnection(null);
      await log.close();
      undo.destroy();
      feed.destroy();
      doc.destroy();
    },
  };
  openSessions.add(session);
  if (row.link) session.connect(row.link, participantName);
  return session;
}
