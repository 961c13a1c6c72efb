// Sync figures for `npm run bench` (issue 4): peer-to-peer latency over y-webrtc, relay
// latency with 40 clients against the stock y-websocket server, the host's CPU and memory
// under that load, and a late join of a 2,000-card board. Clients, peers and the relay run
// of each side are child processes (bench/sync/); all traffic stays on this machine.
import os from 'node:os';
import { Children } from './sync/children';
import { measureLateJoin } from './sync/lateJoin';
import { measureP2p } from './sync/p2p';
import { measureRelay } from './sync/relay';
import { round1, round2 } from './sync/stats';
import type { Metrics } from './results';

// Goals: the latencies from issue 4; CPU and memory so that a laptop hosting a room of 40
// stays responsive for the facilitator's own work in the app.
const GOAL_P2P5_P95_MS = 20;
const GOAL_RELAY40_P95_MS = 50;
/** The Werkstatt relay's p95 over the stock server's: no slower. */
const GOAL_RELAY_P95_RATIO = 1;
const GOAL_LATE_JOIN_CARDS2000_MS = 1000;
/** CPU milliseconds per wall second: a fifth of one core. */
const GOAL_HOST_CPU_MS_PER_S = 200;
const GOAL_HOST_RSS_MIB = 300;

/** The figures are latencies on a shared 2-core machine: say how busy it was. */
function logLoad(when: string): void {
  const [oneMinute] = os.loadavg();
  console.log(`  sync ${when}: load average ${oneMinute?.toFixed(2)} on ${os.cpus().length} cores`);
}

export async function benchSync(): Promise<Metrics> {
  const children = new Children();
  try {
    logLoad('start');
    const p2p = await measureP2p(children);
    console.log(
      `  p2p5: mesh connected after ${p2p.meshConnectedMs.toFixed(0)} ms; ${p2p.edits} edits, ` +
        `p50 ${p2p.p50Ms.toFixed(1)} ms, p95 ${p2p.p95Ms.toFixed(1)} ms`,
    );
    const relay = await measureRelay(children);
    for (const side of [relay.werkstatt, relay.stock]) {
      const list = (values: readonly number[]) => values.map((ms) => ms.toFixed(1)).join(' ');
      console.log(
        `  relay40 ${side.kind}: segment p95 [${list(side.segmentP95Ms)}] ms → median ` +
          `${side.p95Ms.toFixed(1)} ms (p50 ${side.p50Ms.toFixed(1)} ms, all edits p95 ` +
          `${side.pooledP95Ms.toFixed(1)} ms); host CPU ${side.cpuMsPerS.toFixed(0)} ms/s, ` +
          `RSS ${side.idleRssMiB.toFixed(0)} MiB idle, ${side.rssMiB.toFixed(0)} MiB after, ` +
          `peak ${side.maxRssMiB.toFixed(0)} MiB`,
      );
      for (const [event, count] of Object.entries(side.logged)) {
        console.log(`  relay40 ${side.kind} host logged ${count}×: ${event}`);
      }
    }
    const lateJoin = await measureLateJoin(children);
    console.log(`  late join: ${lateJoin.joinsMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    logLoad('end');
    return {
      'sync.p95_ms.p2p5': {
        value: round1(p2p.p95Ms),
        unit: 'ms',
        goal: GOAL_P2P5_P95_MS,
        better: 'lower',
      },
      'sync.p95_ms.relay40': {
        value: round1(relay.werkstatt.p95Ms),
        unit: 'ms',
        goal: GOAL_RELAY40_P95_MS,
        better: 'lower',
      },
      'relay.p95_ratio_vs_y_websocket_server': {
        value: round2(relay.werkstatt.p95Ms / relay.stock.p95Ms),
        unit: 'ratio',
        goal: GOAL_RELAY_P95_RATIO,
        better: 'lower',
      },
      'sync.late_join_ms.cards2000': {
        value: round1(lateJoin.medianMs),
        unit: 'ms',
        goal: GOAL_LATE_JOIN_CARDS2000_MS,
        better: 'lower',
      },
      'host.cpu_ms_per_s.relay40': {
        value: round1(relay.werkstatt.cpuMsPerS),
        unit: 'ms/s',
        goal: GOAL_HOST_CPU_MS_PER_S,
        better: 'lower',
      },
      'host.rss_mib.relay40': {
        value: round1(relay.werkstatt.maxRssMiB),
        unit: 'MiB',
        goal: GOAL_HOST_RSS_MIB,
        better: 'lower',
      },
    };
  } finally {
    await children.stopAll();
  }
}
