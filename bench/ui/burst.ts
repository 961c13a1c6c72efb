// The longest main-thread task on a participant's 2,000-card board while 400 remote
// edits per second arrive. The session host (in this process, as in browser mode or
// `npm run host`) relays them from an unmodified y-websocket client (also in this
// process; Chromium is its own process), each edit one change to one card's text.
import type { Browser, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startSessionHost } from '../../electron/host/session/sessionHost';
import { seedDemo } from '../../shared/demo/seedDemo';
import { setCardText } from '../../shared/model/commands';
import { RELAY_PATH } from '../../shared/sync/paths';
import { launchBrowser } from '../../test/e2e/support/chromium';
import { scaledDemo } from '../scaledDemo';
import { median, percentile } from '../sync/stats';
import { CARDS, DIST_DIR, requireDist } from './board';
import { FRAME_PROBE, startFrameProbe, stopFrameProbe, type FrameProbeResult } from './pageProbes';
import { startTaskTrace, stopTaskTrace } from './trace';

export const EDITS_PER_SECOND = 400;
const BURST_MS = 3000;
/** setInterval's period; each tick makes the edits that are due by then. */
const TICK_MS = 10;
const JOIN_TIMEOUT_MS = 60_000;
const SYNC_TIMEOUT_MS = 20_000;
const BURSTS = 3;
const PAUSE_MS = 1000;
const MARKER_POLL_MS = 50;

/** Whether the card shows the marker (passed to waitForFunction, run in the page). */
const shows = ({ cardId, marker }: { cardId: string; marker: string }): boolean =>
  document.querySelector(`[data-card-id="${cardId}"] .card-text`)?.textContent?.includes(marker) ??
  false;

export interface BurstFigures {
  readonly edits: number;
  readonly burstMs: number;
  /** Tasks on the renderer's main thread during the burst, from a Chromium trace. */
  readonly tracedTasks: number;
  readonly longestTracedTaskMs: number;
  readonly longTaskSupported: boolean;
  /** Tasks of 50 ms or more the Long Tasks API reported. */
  readonly longTasks: number;
  readonly longestLongTaskMs: number;
  /** The figure: the longer of the two. */
  readonly longestTaskMs: number;
  /** requestAnimationFrame deltas: how late frames came (a frame can wait for many short tasks). */
  readonly longestFrameGapMs: number;
  readonly frameP95Ms: number;
  /** Long animation frames (≥ 50 ms, scripts plus rendering) reported by the LoAF API. */
  readonly longAnimationFrames: number;
  readonly longestAnimationFrameMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function join(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/#/join?code=${code}`);
  await page.getByLabel('Ihr Name (für die anderen sichtbar)').fill('Bench');
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.waitForURL(/#\/w\//, { timeout: JOIN_TIMEOUT_MS });
  if (!page.url().endsWith('/board')) await page.getByRole('link', { name: 'Board' }).click();
  await page
    .locator(`[data-testid="card"] >> nth=${CARDS - 1}`)
    .waitFor({ state: 'attached', timeout: JOIN_TIMEOUT_MS });
}

/** Makes the edits at the given rate for the given time; resolves with the count. */
function editBurst(
  doc: Y.Doc,
  cardIds: readonly string[],
  endMarker: string,
): Promise<{ edits: number; ms: number }> {
  const total = Math.round((EDITS_PER_SECOND * BURST_MS) / 1000);
  const texts = doc.getMap<Y.Map<unknown>>('cards');
  return new Promise((resolve) => {
    let made = 0;
    const started = performance.now();
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      const due = Math.min(total, Math.floor((elapsed * EDITS_PER_SECOND) / 1000));
      for (; made < due; made++) {
        const id = cardIds[made % cardIds.length] as string;
        const text = texts.get(id)?.get('text');
        const current = text instanceof Y.Text ? text.toString() : '';
        setCardText(doc, id, made === total - 1 ? current + endMarker : `${current}·`);
      }
      if (made >= total) {
        clearInterval(timer);
        resolve({ edits: made, ms: performance.now() - started });
      }
    }, TICK_MS);
  });
}

/** One burst, traced: the browser's main-thread tasks while the edits arrive and are shown. */
async function oneBurst(
  browser: Browser,
  page: Page,
  doc: Y.Doc,
  cardIds: readonly string[],
  endMarker: string,
): Promise<BurstFigures> {
  await startTaskTrace(browser, page);
  await page.evaluate(startFrameProbe);
  const burst = await editBurst(doc, cardIds, endMarker);
  const lastId = cardIds[(burst.edits - 1) % cardIds.length] as string;
  // A plain querySelector in the page: a Playwright locator with a text filter runs
  // its own selector engine over all 2,000 cards at every poll, 40–50 ms tasks of
  // the bench's own in the very trace it measures.
  await page.waitForFunction(
    shows,
    { cardId: lastId, marker: endMarker },
    { polling: MARKER_POLL_MS, timeout: SYNC_TIMEOUT_MS },
  );
  await sleep(500);
  const probe: FrameProbeResult = await page.evaluate(stopFrameProbe);
  const trace = await stopTaskTrace(browser);
  return {
    edits: burst.edits,
    burstMs: burst.ms,
    tracedTasks: trace.tasks,
    longestTracedTaskMs: trace.longestTaskMs,
    longTaskSupported: probe.longTaskSupported,
    longTasks: probe.longTasks.length,
    longestLongTaskMs: Math.max(0, ...probe.longTasks),
    longestTaskMs: Math.max(trace.longestTaskMs, ...probe.longTasks),
    longestFrameGapMs: Math.max(0, ...probe.frames),
    frameP95Ms: percentile(probe.frames, 95),
    longAnimationFrames: probe.longFrames.length,
    longestAnimationFrameMs: Math.max(0, ...probe.longFrames.map((frame) => frame.duration)),
  };
}

export interface BurstsFigures {
  readonly bursts: BurstFigures[];
  /** The figure: the median over the bursts of each burst's longest task. */
  readonly longestTaskMedianMs: number;
}

export async function measureBurst(distDir = DIST_DIR): Promise<BurstsFigures> {
  requireDist(distDir);
  const seeded = new Y.Doc();
  seedDemo(seeded, scaledDemo(CARDS));
  const host = await startSessionHost({
    host: '127.0.0.1',
    port: 0,
    appRoot: distDir,
    workshopId: 'ui-burst',
    title: 'UI-Benchmark',
    // One client sends 400 messages a second; the defaults allow a participant 200.
    limits: { relayMessagesPerSecond: 4 * EDITS_PER_SECOND, relayMessageBurst: 10_000 },
  });
  Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(seeded));
  const cardIds = [...seeded.getMap('cards').keys()];
  const doc = new Y.Doc();
  let provider: WebsocketProvider | null = null;
  const browser = await launchBrowser();
  try {
    const code = host.code ?? '';
    const page = await browser.newPage({
      locale: 'de-DE',
      viewport: { width: 1400, height: 900 },
    });
    await page.addInitScript(FRAME_PROBE);
    await join(page, host.url, code);

    const editor = new WebsocketProvider(
      `ws://127.0.0.1:${host.port}${RELAY_PATH}`,
      host.workshopId,
      doc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { code },
        disableBc: true,
      },
    );
    provider = editor;
    await waitUntil('the editing client to sync', () => editor.synced, SYNC_TIMEOUT_MS);
    const bursts: BurstFigures[] = [];
    for (let round = 0; round < BURSTS; round++) {
      await sleep(PAUSE_MS);
      bursts.push(await oneBurst(browser, page, doc, cardIds, `[burst-end-${round}]`));
    }
    return {
      bursts,
      longestTaskMedianMs: median(bursts.map((burst) => burst.longestTaskMs)),
    };
  } finally {
    provider?.destroy();
    doc.destroy();
    await browser.close();
    await host.close();
  }
}
