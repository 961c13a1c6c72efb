// Child process: unmodified y-websocket clients (one Y.Doc each, BroadcastChannel off, so
// they can only meet through the server). The 40-client relay benchmark runs them in a few
// such processes rather than in the host's, so that the host's CPU figure is its own. It has
// one set of clients per server (the Werkstatt relay and the stock y-websocket server) and
// connects one set at a time, so that the two servers can take turns every few seconds
// without new processes. For every edit, once all of this process's receivers have it, it
// reports how many there were and the slowest latency (one message per edit and process).
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { childArgs, send, serve } from './childSide';
import { makeEdit, observeRemoteEdits } from './editLog';

interface ServerArgs {
  readonly serverUrl: string;
  readonly params: Record<string, string>;
}

interface ClientsArgs {
  readonly servers: readonly ServerArgs[];
  readonly room: string;
  /** Clients per server. */
  readonly clients: number;
  readonly name: string;
}

interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

const args = childArgs<ClientsArgs>();
/** Listeners this script and Node add to `process` besides one 'exit' listener per provider. */
const OTHER_PROCESS_LISTENERS = 10;
// Every y-websocket provider listens to the process's 'exit'; many in one process are intended.
process.setMaxListeners(args.servers.length * args.clients + OTHER_PROCESS_LISTENERS);

const authoredHere = new Set<number>();
const pending = new Map<number, { receivers: number; maxLatencyMs: number }>();

function received(seq: number, latencyMs: number): void {
  const entry = pending.get(seq) ?? { receivers: 0, maxLatencyMs: 0 };
  entry.receivers++;
  entry.maxLatencyMs = Math.max(entry.maxLatencyMs, latencyMs);
  pending.set(seq, entry);
  // The author's own client never receives its edit back.
  const expected = authoredHere.has(seq) ? args.clients - 1 : args.clients;
  if (entry.receivers === expected) {
    pending.delete(seq);
    send({ type: 'receipts', seq, ...entry });
  }
}

const sets: Client[][] = args.servers.map((server) =>
  Array.from({ length: args.clients }, () => {
    const doc = new Y.Doc();
    observeRemoteEdits(doc, received);
    const provider = new WebsocketProvider(server.serverUrl, args.room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: server.params,
      disableBc: true,
      connect: false,
    });
    return { doc, provider };
  }),
);
let active: Client[] = [];
let syncedReported = true;

function reportSynced(): void {
  if (syncedReported || !active.every((client) => client.provider.synced)) return;
  syncedReported = true;
  send({ type: 'synced' });
}

function connect(server: number): void {
  const set = sets[server];
  if (!set) throw new Error(`${args.name} has no server ${server}`);
  for (const other of sets) {
    if (other !== set) for (const client of other) client.provider.disconnect();
  }
  active = set;
  syncedReported = false;
  for (const client of set) client.provider.connect();
  reportSynced();
}

for (const set of sets) {
  for (const client of set) client.provider.on('sync', reportSynced);
}

serve(
  (message) => {
    if (message.type === 'connect') {
      connect(message.server);
    } else if (message.type === 'state') {
      const synced = active.filter((client) => client.provider.synced).length;
      send({ type: 'clients', synced });
    } else if (message.type === 'edit') {
      const client = active[message.client];
      if (!client) throw new Error(`${args.name} has no connected client ${message.client}`);
      authoredHere.add(message.seq);
      makeEdit(client.doc, message.seq, `${args.name}/${message.client}`);
    }
  },
  () => {
    for (const set of sets) {
      for (const client of set) {
        client.provider.destroy();
        client.doc.destroy();
      }
    }
  },
);
send({ type: 'ready' });
