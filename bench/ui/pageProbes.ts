// Scripts that run inside the app's pages for the UI figures. They are init scripts
// (plain strings, added before the app loads): the app's CSP allows no eval, so the bench
// then calls them through the small functions below rather than evaluating strings.

/**
 * Records `window.__boardReadyAt`: the given number of cards and a usable new-card
 * textarea; then `window.__boardCompleteAt`: every card with its buttons (cards off
 * screen first show only their text, renderer/components/cardList/chunkCompletion.ts);
 * and `window.__longTasks`, every task of 50 ms or more as [start, duration].
 */
export function readinessProbe(cards: number): string {
  return `(() => {
  window.__boardReadyAt = null;
  window.__boardCompleteAt = null;
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (window.__boardReadyAt === null) {
      if (document.querySelectorAll('[data-testid="card"]').length < ${cards}) return false;
      const input = document.querySelector('form.add-card textarea');
      if (!input || input.disabled || input.readOnly) return false;
      window.__boardReadyAt = performance.now();
    }
    if (document.querySelectorAll('[data-testid="card"] .drag-handle').length < ${cards}) return false;
    window.__boardCompleteAt = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'readonly'] });
})();`;
}

/** Defines `__startFrameProbe()` (requestAnimationFrame deltas and long tasks) and `__stopFrameProbe()`. */
export const FRAME_PROBE = `window.__startFrameProbe = () => {
  const probe = { frames: [], longTasks: [], running: true, longTaskSupported: false, observer: null, frameObserver: null, longFrames: [] };
  window.__frameProbe = probe;
  let last = null;
  const tick = (now) => {
    if (!probe.running) return;
    if (last !== null) probe.frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    probe.longTaskSupported = true;
    probe.observer = observer;
  } catch {}
  try {
    const frameObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longFrames.push({ duration: entry.duration, blockingDuration: entry.blockingDuration });
    });
    frameObserver.observe({ type: 'long-animation-frame' });
    probe.frameObserver = frameObserver;
  } catch {}
};
window.__stopFrameProbe = () => {
  const probe = window.__frameProbe;
  probe.running = false;
  if (probe.observer) {
    for (const entry of probe.observer.takeRecords()) probe.longTasks.push(entry.duration);
    probe.observer.disconnect();
  }
  if (probe.frameObserver) probe.frameObserver.disconnect();
  return { frames: probe.frames, longTasks: probe.longTasks, longTaskSupported: probe.longTaskSupported, longFrames: probe.longFrames };
};`;

export interface FrameProbeResult {
  readonly frames: number[];
  readonly longTasks: number[];
  readonly longTaskSupported: boolean;
  readonly longFrames: { duration: number; blockingDuration: number }[];
}

interface ProbeWindow {
  __boardReadyAt: number | null;
  __boardCompleteAt: number | null;
  __longTasks: [number, number][];
  __startFrameProbe(): void;
  __stopFrameProbe(): FrameProbeResult;
}

// Passed to page.evaluate / waitForFunction (serialized, run in the page).
export const boardIsReady = (): boolean =>
  (window as unknown as ProbeWindow).__boardReadyAt !== null;
export const boardReadyAt = (): number | null => (window as unknown as ProbeWindow).__boardReadyAt;
export const boardIsComplete = (): boolean =>
  (window as unknown as ProbeWindow).__boardCompleteAt !== null;
/** When every card was complete, and the longest task that started after the board was ready. */
export const boardCompletion = (): { completeAt: number | null; longestTaskMs: number } => {
  const probe = window as unknown as ProbeWindow;
  const ready = probe.__boardReadyAt ?? Infinity;
  const after = probe.__longTasks.filter(([start]) => start >= ready - 1);
  return {
    completeAt: probe.__boardCompleteAt,
    longestTaskMs: Math.max(0, ...after.map(([, duration]) => duration)),
  };
};
export const startFrameProbe = (): void => (window as unknown as ProbeWindow).__startFrameProbe();
export const stopFrameProbe = (): FrameProbeResult =>
  (window as unknown as ProbeWindow).__stopFrameProbe();
