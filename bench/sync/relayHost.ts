// Child process: the server of one 40-client relay run, alone in its process so that its CPU
// time and memory are its own. Either a Werkstatt session host (startSessionHost, the relay
// behind the join code) or the stock y-websocket server (@y/websocket-server's
// setupWSConnection on a plain `ws` server, environment untouched: no YPERSISTENCE, so its
// y-leveldb import stays unused). Both listen on 127.0.0.1 only. Between window-start and
// window-end it measures CPU time (process.cpuUsage) and wall time; memory is the resident
// set now and at its peak (getrusage maxRSS, which covers the connection storm too). What
// the Werkstatt host logs (refused frames, closed or dropped sockets) is counted and reported.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { startSessionHost } from '../../electron/host/session/sessionHost';
import { childArgs, send, serve } from './childSide';
import { nowMs } from './clock';

export type RelayServerKind = 'werkstatt' | 'stock';

interface HostArgs {
  readonly kind: RelayServerKind;
  readonly room: string;
  readonly appRoot: string;
  readonly maxConnectionsPerAddress: number;
}

const LOOPBACK = '127.0.0.1';
const BYTES_PER_MIB = 2 ** 20;
const KIB_PER_MIB = 1024;
const MICROSECONDS_PER_MILLISECOND = 1000;

const args = childArgs<HostArgs>();
/** The Werkstatt host's log (refused frames, dropped sockets), counted by kind. */
const logged: Record<string, number> = {};
const log = (message: string) => {
  const kind = message.replace(/connection \S+ from \S+/, 'connection');
  logged[kind] = (logged[kind] ?? 0) + 1;
};

interface Server {
  readonly port: number;
  readonly code: string | null;
  connections(): number;
  close(): void;
}

async function startWerkstatt(): Promise<Server> {
  const host = await startSessionHost({
    host: LOOPBACK,
    appRoot: args.appRoot,
    workshopId: args.room,
    title: 'Sync-Benchmark',
    limits: { maxConnectionsPerAddress: args.maxConnectionsPerAddress },
    log,
  });
  return {
    port: host.port,
    code: host.code,
    connections: () => host.connections().filter((info) => info.kind === 'relay').length,
    close: () => void host.close(),
  };
}

async function startStock(): Promise<Server> {
  const { setupWSConnection, docs } = await import('@y/websocket-server/utils');
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, request) => setupWSConnection(socket, request));
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    code: null,
    connections: () => docs.get(args.room)?.conns.size ?? 0,
    close: () => {
      for (const socket of sockets.clients) socket.terminate();
      server.close();
    },
  };
}

const server = args.kind === 'werkstatt' ? await startWerkstatt() : await startStock();
let measuring: { cpu: NodeJS.CpuUsage; startedAtMs: number } | null = null;

function usage(): void {
  const cpu = measuring ? process.cpuUsage(measuring.cpu) : null;
  send({
    type: 'usage',
    connections: server.connections(),
    rssMiB: process.memoryUsage.rss() / BYTES_PER_MIB,
    maxRssMiB: process.resourceUsage().maxRSS / KIB_PER_MIB,
    logged,
    cpuMs: cpu ? (cpu.user + cpu.system) / MICROSECONDS_PER_MILLISECOND : 0,
    wallMs: measuring ? nowMs() - measuring.startedAtMs : 0,
  });
}

serve(
  (message) => {
    if (message.type === 'window-start') {
      measuring = { cpu: process.cpuUsage(), startedAtMs: nowMs() };
      usage();
    } else if (message.type === 'window-end') {
      usage();
      measuring = null;
    } else if (message.type === 'state') {
      usage();
    }
  },
  () => server.close(),
);
send({ type: 'ready', port: server.port, code: server.code });
