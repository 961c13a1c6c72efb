// The longest task on a page's main thread, from a Chromium trace: every task the
// renderer's main thread runs is a complete ('X') "RunTask" event, whatever its length
// (the Long Tasks API reports only those of 50 ms and more).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const TASK_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];
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
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  const categories = TRACE_DIR ? [...TASK_CATEGORIES, ...SAMPLING_CATEGORIES] : TASK_CATEGORIES;
  await browser.startTracing(page, { categories });
}

/** Stops tracing; the longest RunTask on a renderer main thread, and how many tasks ran there. */
export async function stopTaskTrace(
  browser: Browser,
): Promise<{ longestTaskMs: number; tasks: number }> {
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
  let longestUs = 0;
  let tasks = 0;
  for (const event of events) {
    if (event.ph !== 'X' || event.name !== 'RunTask') continue;
    if (!mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    tasks++;
    longestUs = Math.max(longestUs, event.dur ?? 0);
  }
  if (tasks === 0) throw new Error('the trace holds no main-thread tasks');
  return { longestTaskMs: longestUs / 1000, tasks };
}
