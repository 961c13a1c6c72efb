// sync.late_join_ms.cards2000: a session host whose relay holds a 2,000-card board (the demo
// strategy scaled up, pushed there by a client like any participant's edits), and newcomers
// that join it one after another, each in a fresh process: the time from creating the
// connection to the newcomer's document holding all 2,000 cards, measured inside the
// newcomer. The figure is the median of the joins.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startSessionHost } from '../../electron/host/session/sessionHost';
import { seedDemo } from '../../shared/demo/seedDemo';
import { collection } from '../../shared/schema/doc';
import { RELAY_PATH } from '../../shared/sync/paths';
import { scaledDemo } from '../scaledDemo';
import type { Children } from './children';
import { nowMs, sleep } from './clock';
import { median } from './stats';

const CARDS = 2000;
const JOINS = 5;
const ROOM = 'bench-late-join';
const SEED_TIMEOUT_MS = 20_000;
const SEED_POLL_MS = 10;
const JOINER_READY_TIMEOUT_MS = 20_000;
const JOIN_TIMEOUT_MS = 10_000;

export interface LateJoinFigures {
  readonly medianMs: number;
  readonly joinsMs: readonly number[];
}

export async function measureLateJoin(children: Children): Promise<LateJoinFigures> {
  const appRoot = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-bench-join-'));
  const host = await startSessionHost({ appRoot, workshopId: ROOM, title: 'Sync-Benchmark' });
  try {
    const code = host.code ?? '';
    const serverUrl = `ws://127.0.0.1:${host.port}${RELAY_PATH}`;
    const seeded = new Y.Doc();
    seedDemo(seeded, scaledDemo(CARDS));
    const seeder = new WebsocketProvider(serverUrl, ROOM, seeded, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { code },
      disableBc: true,
    });
    try {
      const deadline = nowMs() + SEED_TIMEOUT_MS;
      while (collection(host.doc, 'cards').size < CARDS) {
        if (nowMs() > deadline) throw new Error(`the host did not get ${CARDS} cards`);
        await sleep(SEED_POLL_MS);
      }
    } finally {
      seeder.destroy();
      seeded.destroy();
    }

    const joinsMs: number[] = [];
    for (let join = 0; join < JOINS; join++) {
      const { child } = await children.start(
        'lateJoiner',
        { serverUrl, room: ROOM, code, expectedCards: CARDS },
        JOINER_READY_TIMEOUT_MS,
      );
      try {
        const joined = await child.request({ type: 'join' }, 'joined', JOIN_TIMEOUT_MS);
        if (joined.cards !== CARDS) throw new Error(`newcomer has ${joined.cards} cards`);
        joinsMs.push(joined.joinMs);
      } finally {
        await child.stop();
      }
    }
    return { medianMs: median(joinsMs), joinsMs };
  } finally {
    await host.close();
    await rm(appRoot, { recursive: true, force: true });
  }
}
