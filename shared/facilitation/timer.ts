// The shared countdown. Its state is stored in the host's clock (a running timer
// as the host time it ends, a paused one as the time left), never as a local time,
// so laptops whose clocks disagree still show the same remaining time once they
// know their offset to the host (clockSync.ts). A facilitator on another laptop
// passes host time too (its local clock plus its offset). The whole state is one
// plain value: concurrent presses of two facilitators end in one of them, everywhere.
import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { hostTime } from './clockSync';
import { allowed } from './guard';
import { SESSION_KEY, sessionMap } from './sessionState';
import { change } from './transaction';
import { finiteOr, isRecord } from './values';

/** The longest countdown, ms (a working day). */
export const MAX_TIMER_MS = 8 * 60 * 60 * 1000;

export type TimerState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      /** New for every start: lets screens announce the end of each run once. */
      readonly id: string;
      readonly durationMs: number;
      /** Host clock, ms. */
      readonly endsAt: number;
    }
  | {
      readonly kind: 'paused';
      readonly id: string;
      readonly durationMs: number;
      readonly remainingMs: number;
    };

const IDLE: TimerState = { kind: 'idle' };

function clampMs(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));
}

export function parseTimer(value: unknown): TimerState {
  if (!isRecord(value) || typeof value.id !== 'string') return IDLE;
  const durationMs = clampMs(finiteOr(value.durationMs, 0));
  if (
    value.kind === 'running' &&
    typeof value.endsAt === 'number' &&
    Number.isFinite(value.endsAt)
  ) {
    return { kind: 'running', id: value.id, durationMs, endsAt: value.endsAt };
  }
  if (value.kind === 'paused') {
    return {
      kind: 'paused',
      id: value.id,
      durationMs,
      remainingMs: clampMs(finiteOr(value.remainingMs, 0)),
    };
  }
  return IDLE;
}

export function readTimer(doc: Y.Doc): TimerState {
  return parseTimer(sessionMap(doc).get(SESSION_KEY.timer));
}

/** Time left on this laptop, ms: the same on every laptop that knows its offset. */
export function remainingMs(timer: TimerState, localNow: number, offsetMs: number): number {
  if (timer.kind === 'idle') return 0;
  if (timer.kind === 'paused') return timer.remainingMs;
  return clampMs(timer.endsAt - hostTime(localNow, offsetMs));
}

/** Whole seconds to display, rounded up so that "0" means the time is up. */
export function remainingSeconds(timer: TimerState, localNow: number, offsetMs: number): number {
  return Math.ceil(remainingMs(timer, localNow, offsetMs) / 1000);
}

/** A running timer whose time is up. */
export function timerEnded(timer: TimerState, localNow: number, offsetMs: number): boolean {
  return timer.kind === 'running' && remainingMs(timer, localNow, offsetMs) === 0;
}

/** True exactly when the end falls between two checks: when to sound and announce it. */
export function timerEndedBetween(
  timer: TimerState,
  previousLocalNow: number,
  localNow: number,
  offsetMs: number,
): boolean {
  return timerEnded(timer, localNow, offsetMs) && !timerEnded(timer, previousLocalNow, offsetMs);
}

function write(doc: Y.Doc, actorId: string, next: TimerState): boolean {
  if (!allowed(doc, actorId, 'controlTimer')) return false;
  change(doc, () => {
    if (next.kind === 'idle') sessionMap(doc).delete(SESSION_KEY.timer);
    else sessionMap(doc).set(SESSION_KEY.timer, { ...next });
  });
  return true;
}

export function startTimer(
  doc: Y.Doc,
  actorId: string,
  durationMs: number,
  hostNow: number,
): boolean {
  const duration = clampMs(durationMs);
  if (duration === 0) return false;
  return write(doc, actorId, {
    kind: 'running',
    id: newId(),
    durationMs: duration,
    endsAt: hostNow + duration,
  });
}

export function pauseTimer(doc: Y.Doc, actorId: string, hostNow: number): boolean {
  const timer = readTimer(doc);
  if (timer.kind !== 'running') return false;
  return write(doc, actorId, {
    kind: 'paused',
    id: timer.id,
    durationMs: timer.durationMs,
    remainingMs: clampMs(timer.endsAt - hostNow),
  });
}

export function resumeTimer(doc: Y.Doc, actorId: string, hostNow: number): boolean {
  const timer = readTimer(doc);
  if (timer.kind !== 'paused' || timer.remainingMs === 0) return false;
  return write(doc, actorId, {
    kind: 'running',
    id: timer.id,
    durationMs: timer.durationMs,
    endsAt: hostNow + timer.remainingMs,
  });
}

/**
 * Adds time (or takes it away, with a negative amount). A timer that already ran
 * out gets the added time from now, and counts as a new run for the end signal.
 */
export function addTime(doc: Y.Doc, actorId: string, deltaMs: number, hostNow: number): boolean {
  const timer = readTimer(doc);
  if (timer.kind === 'idle' || !Number.isFinite(deltaMs)) return false;
  if (timer.kind === 'paused') {
    return write(doc, actorId, {
      ...timer,
      durationMs: clampMs(timer.durationMs + deltaMs),
      remainingMs: clampMs(timer.remainingMs + deltaMs),
    });
  }
  const ended = timer.endsAt <= hostNow;
  const endsAt = Math.max(
    hostNow,
    Math.min(hostNow + MAX_TIMER_MS, Math.max(timer.endsAt, hostNow) + deltaMs),
  );
  return write(doc, actorId, {
    kind: 'running',
    id: ended ? newId() : timer.id,
    durationMs: clampMs(timer.durationMs + deltaMs),
    endsAt,
  });
}

export function stopTimer(doc: Y.Doc, actorId: string): boolean {
  if (readTimer(doc).kind === 'idle') return false;
  return write(doc, actorId, IDLE);
}
