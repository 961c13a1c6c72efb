// An open workshop: its Yjs document, loaded from and saved to the local database,
// and the change feed that view-model hooks subscribe to. The code that links it to
// a session (y-webrtc, y-websocket: a fifth of the app's script) is loaded when a
// workshop connects, not before the first board shows (docs/benchmarks.md, cold start).
import type * as Y from 'yjs';
import { ChangeFeed } from '../../shared/model/changeFeed';
import { readWorkshopInfo } from '../../shared/model/read';
import { createUndoManager } from '../../shared/model/undo';
import { SCHEMA_VERSION } from '../../shared/schema/version';
import type { WerkstattDb } from '../persistence/db';
import { isOpenable, loadStoredWorkshop } from '../persistence/storedWorkshop';
import { UpdateLog } from '../persistence/updateLog';
import type { LoadAhead } from './startupLoad';
import type { SessionConnection } from '../sync/sessionConnection';
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
  /** Links the workshop to a session; getConnection() has it once its code has loaded. */
  connect(link: SessionLink, name: string): void;
  /** Clock pings to the session host so far, and a way to hear of new ones. */
  clockSamples(): readonly PingSample[];
  onClockSample(listener: (sample: PingSample) => void): () => void;
  disconnect(): void;
  close(): Promise<void>;
}

const openSessions = new Set<WorkshopSession>();

type SessionCode = typeof import('../sync/sessionConnection');
let sessionCode: Promise<SessionCode> | null = null;

/** The session code, loaded once; a failed load is tried again at the next connect. */
function loadSessionCode(): Promise<SessionCode> {
  sessionCode ??= import('../sync/sessionConnection').catch((error: unknown) => {
    sessionCode = null;
    throw error;
  });
  return sessionCode;
}

/** Flushes every open workshop now; called when the page is hidden or closed. */
export function flushAllSessions(): Promise<void> {
  return Promise.all(Array.from(openSessions, (session) => session.log.flush())).then(() => {});
}

/** `loadedAhead`: the workshop as loaded ahead (startupLoad.ts), if it was. */
export async function openWorkshopSession(
  db: WerkstattDb,
  id: string,
  participantName: string,
  loadedAhead?: LoadAhead,
): Promise<WorkshopSession> {
  const { row, doc, loaded } = (await loadedAhead) ?? (await loadStoredWorkshop(db, id));
  if (!isOpenable(row)) {
    doc.destroy();
    throw new WorkshopNotFoundError(id);
  }
  const log = UpdateLog.attach(db, id, doc, loaded);
  const { schemaVersion } = readWorkshopInfo(doc);
  if (schemaVersion > SCHEMA_VERSION) {
    await log.close();
    doc.destroy();
    throw new WorkshopTooNewError(String(schemaVersion));
  }
  const feed = new ChangeFeed(doc);
  const undo = createUndoManager(doc);
  let connection: SessionConnection | null = null;
  /** Counts connects, disconnects and the close: a connect whose code arrives later is void. */
  let linkChanges = 0;
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
    connect: (link, name) => {
      const attempt = ++linkChanges;
      loadSessionCode()
        .then(({ SessionConnection }) => {
          if (attempt !== linkChanges) return;
          setConnection(
            new SessionConnection(doc, { workshopId: id, link, name, onClockSample: addSample }),
          );
        })
        .catch((error: unknown) => console.error('could not connect to the session', error));
    },
    clockSamples: () => samples,
    onClockSample: (listener) => {
      sampleListeners.add(listener);
      return () => sampleListeners.delete(listener);
    },
    disconnect: () => {
      linkChanges++;
      setConnection(null);
    },
    close: async () => {
      openSessions.delete(session);
      linkChanges++;
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
