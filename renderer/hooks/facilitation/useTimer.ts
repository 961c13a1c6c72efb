// The shared countdown as this laptop shows it: the timer is stored in host time,
// so remaining = endsAt − (local clock + offset to the host) is the same on every
// laptop (clockSync.ts; offset 0 until the sync layer measures one). Ticks four
// times a second while running and reports the end exactly once per run.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  remainingMs as remainingOf,
  timerEndedBetween,
  type TimerState,
} from '../../../shared/facilitation/timer';
import { useClockOffset, useFacilitationSelect } from './useFacilitation';

export const TIMER_TICK_MS = 250;

export interface TimerDisplay {
  readonly timer: TimerState;
  readonly remainingMs: number;
  /** A running timer whose time is up. */
  readonly ended: boolean;
}

export function useTimer(onEnd: () => void): TimerDisplay {
  const timer = useFacilitationSelect((view) => view.timer);
  const offset = useClockOffset();
  const [, setTick] = useState(0);
  const now = Date.now();
  const remainingMs = remainingOf(timer, now, offset);
  const ended = timer.kind === 'running' && remainingMs === 0;
  const running = timer.kind === 'running' && !ended;
  useEffect(() => {
    if (!running) return;
    const interval = window.setInterval(() => setTick((tick) => tick + 1), TIMER_TICK_MS);
    return () => window.clearInterval(interval);
  }, [running]);
  const lastCheck = useRef(now);
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  });
  useEffect(() => {
    const checkedAt = Date.now();
    if (timerEndedBetween(timer, lastCheck.current, checkedAt, offset)) onEndRef.current();
    lastCheck.current = checkedAt;
  });
  return { timer, remainingMs, ended };
}

/** "12:05" (or "1:02:05" past an hour), rounded up so that 0:00 means the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

const SOUND_KEY = 'werkstatt.timerSound';

function readSound(fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(SOUND_KEY);
    return stored === null ? fallback : stored === 'on';
  } catch {
    return fallback;
  }
}

/** Whether this laptop beeps at the end; on by default on facilitators' laptops only. */
export function useTimerSound(defaultOn: boolean): [boolean, (on: boolean) => void] {
  const [stored, setStored] = useState<boolean | null>(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === null ? null : readSound(false);
    } catch {
      return null;
    }
  });
  const set = useCallback((on: boolean) => {
    setStored(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Storage refused: the choice lasts for this page.
    }
  }, []);
  return [stored ?? defaultOn, set];
}

/** A short, soft beep through WebAudio; silently nothing where audio is unavailable. */
export function beep(): void {
  try {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.6);
    oscillator.connect(gain).connect(context.destination);
    oscillator.onended = () => void context.close();
    oscillator.start();
    oscillator.stop(context.currentTime + 0.6);
  } catch {
    // No audio device or autoplay refused: the visible end and the announcement remain.
  }
}
