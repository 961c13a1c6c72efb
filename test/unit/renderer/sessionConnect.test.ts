// Linking an open workshop to a session loads the session code (y-webrtc,
// y-websocket) only then. Whatever happens while that code loads, the workshop
// ends up as the user left it: linked by the latest connect, unlinked after a
// disconnect or close, and a stored link reconnects by itself on open.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { openDatabase, type WerkstattDb } from '../../../renderer/persistence/db';
import { createWorkshop, linkWorkshop } from '../../../renderer/persistence/workshops';
import type { SessionLink } from '../../../renderer/sync/sessionLink';
import {
  openWorkshopSession,
  type WorkshopSession,
} from '../../../renderer/session/workshopSession';

const made = vi.hoisted(() => [] as { link: SessionLink; name: string; destroyed: boolean }[]);

vi.mock('../../../renderer/sync/sessionConnection', () => ({
  SessionConnection: class {
    private readonly entry: { link: SessionLink; name: string; destroyed: boolean };
    constructor(_doc: Y.Doc, options: { link: SessionLink; name: string }) {
      this.entry = { link: options.link, name: options.name, destroyed: false };
      made.push(this.entry);
    }
    destroy(): void {
      this.entry.destroyed = true;
    }
  },
}));

const link = (code: string): SessionLink => ({
  baseUrl: 'http://127.0.0.1:4871',
  code,
  relayPath: '/relay/x',
  signalingPath: '/signal',
});

/** Long enough for the (mocked) session code to have loaded. */
const codeLoaded = () => new Promise((resolve) => setTimeout(resolve, 50));

let db: WerkstattDb;
let session: WorkshopSession | null = null;
let counter = 0;

beforeEach(() => {
  made.length = 0;
  db = openDatabase(`werkstatt-connect-${Date.now()}-${counter++}`);
});

afterEach(async () => {
  await session?.close();
  session = null;
  db.close();
  await db.delete();
});

async function open(id: string): Promise<WorkshopSession> {
  session = await openWorkshopSession(db, id, 'Anna');
  return session;
}

describe('linking an open workshop to a session', () => {
  it('connects once the session code has loaded, and tells who listens', async () => {
    const opened = await open(await createWorkshop(db, 'Raum'));
    const listener = vi.fn();
    opened.subscribeConnection(listener);
    opened.connect(link('ABC123'), 'Anna');
    await vi.waitFor(() => expect(opened.getConnection()).not.toBeNull());
    expect(listener).toHaveBeenCalled();
    expect(made).toEqual([{ link: link('ABC123'), name: 'Anna', destroyed: false }]);
  });

  it('stays unlinked when disconnected before the code has loaded', async () => {
    const opened = await open(await createWorkshop(db, 'Raum'));
    opened.connect(link('ABC123'), 'Anna');
    opened.disconnect();
    await codeLoaded();
    expect(opened.getConnection()).toBeNull();
    expect(made).toEqual([]);
  });

  it('connects nowhere when closed before the code has loaded', async () => {
    const opened = await open(await createWorkshop(db, 'Raum'));
    opened.connect(link('ABC123'), 'Anna');
    await opened.close();
    session = null;
    await codeLoaded();
    expect(made).toEqual([]);
  });

  it('ends up linked by the latest of two connects', async () => {
    const opened = await open(await createWorkshop(db, 'Raum'));
    opened.connect(link('ALT111'), 'Anna');
    opened.connect(link('NEU222'), 'Anna');
    await codeLoaded();
    expect(made.map((entry) => entry.link.code)).toEqual(['NEU222']);
    expect(opened.getConnection()).not.toBeNull();
  });

  it('reconnects a workshop with a stored link when it is opened', async () => {
    const id = await createWorkshop(db, 'Raum');
    await linkWorkshop(db, id, 'Raum', link('GESP99'));
    const opened = await open(id);
    await vi.waitFor(() => expect(opened.getConnection()).not.toBeNull());
    expect(made.map((entry) => [entry.link.code, entry.name])).toEqual([['GESP99', 'Anna']]);
  });
});
