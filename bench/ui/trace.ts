// Main-thread figures from a Chromium trace: every task the renderer's main thread runs
// is a complete ('X') "RunTask" event, whatever its length (the Long Tasks API reports
// only those of 50 ms and more), and every frame it produces starts with a
// "ProxyMain::BeginMainFrame" event. The longest task (remote burst) and the work per
// frame (drag) come from them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const TASK_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];
/** `benchmark` carries ProxyMain::BeginMainFrame, the start of each frame's main-thread work. */
const FRAME_CATEGORIES = [...TASK_CATEGORIES, 'benchmark'];
const FRAME_START_EVENT = 'ProxyMain::BeginMainFrame';
/**
 * BENCH_TRACE_DIR keeps each trace there, with JavaScript samples, to see where a
 * long task's time goes (DevTools' Performance panel opens the files). Off in the
 * figures the bench reports: sampling slows the page.
 */
const TRACE_DIR = process.env.BENCH_TRACE_DIR;
const SAMPLING_CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];
let traces = 0;

interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export async function startTaskTrace(
  browser: Browser,
  page: Page,
  categories: readonly string[] = TASK_CATEGORIES,
): Promise<void> {
  const all = TRACE_DIR ? [...categories, ...SAMPLING_CATEGORIES] : [...categories];
  await browser.startTracing(page, { categories: all });
}

export const startFrameTrace = (browser: Browser, page: Page) =>
  startTaskTrace(browser, page, FRAME_CATEGORIES);

/** The trace's events on renderer main threads. */
async function stopMainThreadTrace(browser: Browser): Promise<TraceEvent[]> {
  const buffer = await browser.stopTracing();
  if (TRACE_DIR) {
    mkdirSync(TRACE_DIR, { recursive: true });
    writeFileSync(path.join(TRACE_DIR, `trace-${process.pid}-${++traces}.json`), buffer);
  }
  const parsed = JSON.parse(buffer.toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .filter((event) => event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  return events.filter((event) => mainThreads.has(`${event.pid}:${event.tid}`));
}

const isTask = (event: TraceEvent) => event.ph === 'X' && event.name === 'RunTask';

/** Stops tracing; the longest RunTask on a renderer main thread, and how many tasks ran there. */
export async function stopTaskTrace(
  browser: Browser,
): Promise<{ longestTaskMs: number; tasks: number }> {
  const tasks = (await stopMainThreadTrace(browser)).filter(isTask);
  if (tasks.length === 0) throw new Error('the trace holds no main-thread tasks');
  const longestUs = Math.max(...tasks.map((task) => task.dur ?? 0));
  return { longestTaskMs: longestUs / 1000, tasks: tasks.length };
}

/**
 * Stops tracing; for each frame the main thread produced, the time its tasks ran from
 * that frame's start to the next frame's start: rendering the frame, then the input
 * events and timers that lead to the next one. At 60 Hz a frame is on time while this
 * stays within 16.7 ms. (requestAnimationFrame intervals cannot show that: they are whole
 * multiples of the display's 16.7 ms, however little work a frame takes.)
 */
export async function stopFrameTrace(browser: Browser): Promise<number[]> {
  const events = await stopMainThreadTrace(browser);
  const starts = events
    .filter((event) => event.ph === 'X' && event.name === FRAME_START_EVENT)
    .map((event) => event.ts)
    .sort((a, b) => a - b);
  const tasks = events.filter(isTask).sort((a, b) => a.ts - b.ts);
  const workUs = new Array<number>(Math.max(starts.length - 1, 0)).fill(0);
  let frame = 0;
  for (const task of tasks) {
    // The task that holds a frame's start began just before it: it counts for that frame.
    const end = task.ts + (task.dur ?? 0);
    while (frame < workUs.length && end > (starts[frame + 1] as number)) frame++;
    if (frame >= workUs.length) break;
    if (end <= (starts[0] as number)) continue;
    workUs[frame] = (workUs[frame] as number) + (task.dur ?? 0);
  }
  return workUs.map((us) => us / 1000);
}
