// Completes card chunks that were first rendered as outlines. Opening a board of
// 2,000 cards spent ~450 ms rendering every card's buttons, menus and ~15 store
// subscriptions, though only the cards of the first chunk of each list are on screen
// (docs/benchmarks.md, "Cold start"). Chunks that mount in bulk therefore show their
// cards' text first (OutlineCards.tsx) and are completed here: at once when Chromium is
// about to render them (`contentvisibilityautostatechange`: the chunk comes near the
// viewport, takes the focus or holds a find-in-page match), otherwise one after
// another in idle time, in the order they were scheduled. A chunk Chromium is about
// to render but that is not inside the viewport yet (it is in the margin Chromium
// renders ahead) is completed in a task of its own, ahead of the idle ones: Chromium
// fires the event for every such chunk in one task (a dozen after a jump to the end
// of a list), and completing them all there would make that one task long. Each
// completion renders synchronously inside its slice or task.

/**
 * How long completion waits for enough idle time at most: then a chunk is completed
 * anyway (a board kept busy, say by a drag or a stream of remote edits, still
 * completes). Counted from the last completion, not per idle request: idle slices too
 * short to use would otherwise restart the wait for ever.
 */
export const IDLE_TIMEOUT_MS = 250;
/**
 * Idle time left in a slice below which the next chunk waits for the next slice, or
 * the time the last chunk took if that was longer: a completion that overran its
 * slice would delay the next frame.
 */
export const MIN_IDLE_SLICE_MS = 6;

type IdleRequest = (callback: (deadline: IdleDeadline) => void) => void;
type Clock = () => number;
type TaskRequest = (callback: () => void) => void;

/** Whether any part of the element is inside the viewport now. */
function insideViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return (
    box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth
  );
}

export interface CompletionHost {
  readonly idle: IdleRequest;
  readonly now: Clock;
  /** Runs a callback in a task of its own, soon. */
  readonly task: TaskRequest;
  readonly inView: (element: Element) => boolean;
}

const browserHost: CompletionHost = {
  idle: requestIdle,
  now: () => performance.now(),
  task: (callback) => setTimeout(callback, 0),
  inView: insideViewport,
};

/** True where the browser tells a chunk that it is about to be rendered. */
export function canDeferChunks(): boolean {
  return typeof window !== 'undefined' && 'ContentVisibilityAutoStateChangeEvent' in window;
}

function requestIdle(callback: (deadline: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return;
  }
  setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 0);
}

interface StateChangeEvent extends Event {
  readonly skipped: boolean;
}

export class ChunkCompletion {
  /** Insertion order is completion order: chunks mount top to bottom, list by list. */
  private readonly pending = new Map<Element, () => void>();
  /** Chunks Chromium is about to render, outside the viewport: one task each. */
  private readonly urgent = new Set<Element>();
  private requested = false;
  private taskRequested = false;
  private lastCostMs = 0;
  /** Since when completion has been waiting for idle time (reset by each completion). */
  private waitingSince: number | null = null;
  private readonly host: CompletionHost;

  constructor(host: Partial<CompletionHost> = {}) {
    this.host = { ...browserHost, ...host };
  }

  private now(): number {
    return this.host.now();
  }

  /** Calls `complete` once, soon; returns the cancel for an unmounting chunk. */
  schedule(element: Element, complete: () => void): () => void {
    const onStateChange = (event: Event) => {
      if ((event as StateChangeEvent).skipped) return;
      if (this.host.inView(element)) this.completeNow(element);
      else this.hurry(element);
    };
    const run = () => {
      element.removeEventListener('contentvisibilityautostatechange', onStateChange);
      complete();
    };
    this.pending.set(element, run);
    element.addEventListener('contentvisibilityautostatechange', onStateChange);
    this.waitingSince ??= this.now();
    this.request();
    return () => {
      if (this.pending.get(element) !== run) return;
      this.pending.delete(element);
      this.urgent.delete(element);
      element.removeEventListener('contentvisibilityautostatechange', onStateChange);
      if (this.pending.size === 0) this.waitingSince = null;
    };
  }

  get size(): number {
    return this.pending.size;
  }

  private completeNow(element: Element): void {
    const run = this.pending.get(element);
    if (!run) return;
    this.pending.delete(element);
    this.urgent.delete(element);
    const started = this.now();
    try {
      run();
    } finally {
      this.lastCostMs = this.now() - started;
      this.waitingSince = this.pending.size > 0 ? this.now() : null;
    }
  }

  private hurry(element: Element): void {
    this.urgent.add(element);
    if (this.taskRequested) return;
    this.taskRequested = true;
    this.host.task(() => this.nextUrgent());
  }

  private nextUrgent(): void {
    this.taskRequested = false;
    const [first] = this.urgent;
    if (first === undefined) return;
    try {
      this.completeNow(first);
    } finally {
      const [next] = this.urgent;
      if (next !== undefined) this.hurry(next);
    }
  }

  private request(): void {
    if (this.requested || this.pending.size === 0) return;
    this.requested = true;
    this.host.idle((deadline) => {
      this.requested = false;
      try {
        this.slice(deadline);
      } finally {
        this.request();
      }
    });
  }

  /** Chunks while the slice's idle time lasts; one at least once the wait is too long. */
  private slice(deadline: IdleDeadline): void {
    const waited = this.waitingSince === null ? 0 : this.now() - this.waitingSince;
    let forced = deadline.didTimeout || waited >= IDLE_TIMEOUT_MS;
    for (const element of this.pending.keys()) {
      const enough = deadline.timeRemaining() >= Math.max(MIN_IDLE_SLICE_MS, this.lastCostMs);
      if (!enough && !forced) return;
      forced = false;
      this.completeNow(element);
    }
  }
}

/** The one the board's chunks use. */
export const chunkCompletion = new ChunkCompletion();
