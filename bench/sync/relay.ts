// sync.p95_ms.relay40, relay.p95_ratio_vs_y_websocket_server and the host's CPU and memory
// with 40 clients: 40 unmodified y-websocket clients, in CLIENT_PROCESSES processes, edit
// through one server; per edit, the time until the 39 others have it. Two servers, each in
// its own process, take turns: the Werkstatt relay (A) and the stock y-websocket server (B),
// in short segments with only the active server's 40 clients connected, so that both sides
// see the same background load of this shared machine. After an unmeasured warm-up round
// (A, B) the order is B, A, A, B, B, A, … so that neither side always goes first. Each side's
// p95 is the median of its segments' p95s; the host's CPU is measured over its own segments.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RELAY_PATH } from '../../shared/sync/paths';
import type { Child, Children } from './children';
import { nowMs, sleep } from './clock';
import { runEditRounds } from './editRounds';
import type { RelayServerKind } from './relayHost';
import { median, percentile } from './stats';

const CLIENTS = 40;
const CLIENT_PROCESSES = 4;
const CLIENTS_PER_PROCESS = CLIENTS / CLIENT_PROCESSES;
const ROOM = 'bench-relay';
const SIDES: readonly RelayServerKind[] = ['werkstatt', 'stock'];
/** 40 clients from one address exceed the host's default cap of 16 per address. */
const MAX_CONNECTIONS_PER_ADDRESS = 64;
const SEGMENTS_PER_SIDE = 12;
/** 150 edits, one every 25 ms: each client edits about once a second, ~4 s per segment. */
const EDITS_PER_SEGMENT = 150;
const EDIT_INTERVAL_MS = 25;
/** The warm-up round: four edits per client on each server (connections and JIT settle). */
const WARMUP_ROUND_EDITS = 4 * CLIENTS;
/**
 * After each switch, all 40 clients must be connected and synced at two checks this far apart
 * before edits start: the Werkstatt relay closes a reconnecting y-websocket client that echoes
 * many awareness states at once (1008), and the client then comes back by itself.
 */
const SETTLE_MS = 200;
const SETTLE_POLL_MS = 50;
const SETTLE_TIMEOUT_MS = 15_000;
const SEGMENT_WARMUP_EDITS = 8;
const EDIT_TIMEOUT_MS = 5_000;
const START_TIMEOUT_MS = 20_000;
const SYNC_TIMEOUT_MS = 30_000;
const USAGE_TIMEOUT_MS = 5_000;
const MS_PER_S = 1000;

export interface RelaySide {
  readonly kind: RelayServerKind;
  /** p95 and p50 of each segment, in order. */
  readonly segmentP95Ms: readonly number[];
  readonly segmentP50Ms: readonly number[];
  /** Median over the segments. */
  readonly p95Ms: number;
  readonly p50Ms: number;
  /** p95 of all this side's edits together. */
  readonly pooledP95Ms: number;
  /** Host CPU time per wall second over this side's measured edits. */
  readonly cpuMsPerS: number;
  /** Resident memory before the clients connected, at the end, and the peak of the process. */
  readonly idleRssMiB: number;
  readonly rssMiB: number;
  readonly maxRssMiB: number;
  /** What the server logged (Werkstatt host only), by kind. */
  readonly logged: Readonly<Record<string, number>>;
}

export type RelayFigures = Record<RelayServerKind, RelaySide>;

interface SideState {
  readonly host: Child;
  readonly idleRssMiB: number;
  readonly segmentP95Ms: number[];
  readonly segmentP50Ms: number[];
  readonly latencies: number[];
  cpuMs: number;
  wallMs: number;
}

/** Counts connected (server) and synced (clients) until both are all 40, twice in a row. */
async function settle(kind: RelayServerKind, host: Child, clients: readonly Child[]) {
  const deadline = nowMs() + SETTLE_TIMEOUT_MS;
  const counts = async () => {
    const usage = await host.request({ type: 'state' }, 'usage', USAGE_TIMEOUT_MS);
    const synced = await Promise.all(
      clients.map((child) => child.request({ type: 'state' }, 'clients', USAGE_TIMEOUT_MS)),
    );
    return { connected: usage.connections, synced: synced.reduce((sum, c) => sum + c.synced, 0) };
  };
  let stableChecks = 0;
  while (stableChecks < 2) {
    const { connected, synced } = await counts();
    if (connected === CLIENTS && synced === CLIENTS) {
      stableChecks++;
      if (stableChecks < 2) await sleep(SETTLE_MS);
      continue;
    }
    stableChecks = 0;
    if (nowMs() > deadline) {
      throw new Error(`${kind}: ${connected} connected, ${synced} synced of ${CLIENTS} clients`);
    }
    await sleep(SETTLE_POLL_MS);
  }
}

export async function measureRelay(children: Children): Promise<RelayFigures> {
  const appRoot = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-bench-relay-'));
  const hosts: Child[] = [];
  const clients: Child[] = [];
  try {
    const states = new Map<RelayServerKind, SideState>();
    const servers = [];
    for (const kind of SIDES) {
      const { child: host, ready } = await children.start(
        'relayHost',
        { kind, room: ROOM, appRoot, maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS },
        START_TIMEOUT_MS,
      );
      hosts.push(host);
      const idle = await host.request({ type: 'state' }, 'usage', USAGE_TIMEOUT_MS);
      states.set(kind, {
        host,
        idleRssMiB: idle.rssMiB,
        segmentP95Ms: [],
        segmentP50Ms: [],
        latencies: [],
        cpuMs: 0,
        wallMs: 0,
      });
      const origin = `ws://127.0.0.1:${ready.port}`;
      servers.push(
        kind === 'werkstatt'
          ? { serverUrl: `${origin}${RELAY_PATH}`, params: { code: ready.code ?? '' } }
          : { serverUrl: origin, params: {} },
      );
    }
    for (let index = 0; index < CLIENT_PROCESSES; index++) {
      const { child } = await children.start(
        'relayClients',
        { servers, room: ROOM, clients: CLIENTS_PER_PROCESS, name: `clients${index}` },
        START_TIMEOUT_MS,
      );
      clients.push(child);
      await child.checkClock();
    }

    let seq = 0;
    // Round 0 warms up both servers and the clients; nothing of it is counted.
    for (let round = 0; round <= SEGMENTS_PER_SIDE; round++) {
      const warmingUp = round === 0;
      const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const kind of order) {
        const state = states.get(kind) as SideState;
        const synced = clients.map((child) => child.next('synced', SYNC_TIMEOUT_MS));
        const server = SIDES.indexOf(kind);
        for (const child of clients) child.send({ type: 'connect', server });
        await Promise.all(synced);
        await settle(kind, state.host, clients);
        const startWindow = async () => {
          await state.host.request({ type: 'window-start' }, 'usage', USAGE_TIMEOUT_MS);
        };
        const endWindow = async () => {
          const usage = await state.host.request({ type: 'window-end' }, 'usage', USAGE_TIMEOUT_MS);
          state.cpuMs += usage.cpuMs;
          state.wallMs += usage.wallMs;
        };
        const warmupEdits = warmingUp ? WARMUP_ROUND_EDITS : SEGMENT_WARMUP_EDITS;
        const measuredEdits = warmingUp ? 0 : EDITS_PER_SEGMENT;
        const latencies = await runEditRounds({
          participants: clients,
          // Consecutive authors sit in different processes.
          authorOf: (edit) => ({
            child: clients[edit % CLIENT_PROCESSES] as Child,
            client: Math.floor(edit / CLIENT_PROCESSES) % CLIENTS_PER_PROCESS,
          }),
          receiversPerEdit: CLIENTS - 1,
          firstSeq: seq,
          warmupEdits,
          measuredEdits,
          intervalMs: EDIT_INTERVAL_MS,
          editTimeoutMs: EDIT_TIMEOUT_MS,
          // The host's CPU counts over measured edits only.
          ...(warmingUp ? {} : { onMeasureStart: startWindow, onMeasureEnd: endWindow }),
        });
        seq += warmupEdits + measuredEdits;
        if (warmingUp) continue;
        state.segmentP95Ms.push(percentile(latencies, 95));
        state.segmentP50Ms.push(percentile(latencies, 50));
        state.latencies.push(...latencies);
      }
    }

    const figures = {} as Record<RelayServerKind, RelaySide>;
    for (const [kind, state] of states) {
      const usage = await state.host.request({ type: 'state' }, 'usage', USAGE_TIMEOUT_MS);
      figures[kind] = {
        kind,
        segmentP95Ms: state.segmentP95Ms,
        segmentP50Ms: state.segmentP50Ms,
        p95Ms: median(state.segmentP95Ms),
        p50Ms: median(state.segmentP50Ms),
        pooledP95Ms: percentile(state.latencies, 95),
        cpuMsPerS: state.cpuMs / (state.wallMs / MS_PER_S),
        idleRssMiB: state.idleRssMiB,
        rssMiB: usage.rssMiB,
        maxRssMiB: usage.maxRssMiB,
        logged: usage.logged,
      };
    }
    return figures;
  } finally {
    // Clients first, so that the servers do not see 40 lost connections each.
    await Promise.all(clients.map((child) => child.stop()));
    await Promise.all(hosts.map((child) => child.stop()));
    await rm(appRoot, { recursive: true, force: true });
  }
}
