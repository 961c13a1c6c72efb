// The shared countdown: the remaining time, the same on every laptop; at the end a
// visible "time is up", an announcement and (if switched on here) a short beep.
// Facilitators start it with the phase's time box, pause, resume, add time, stop.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilitationView } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { canDo } from '../../hooks/facilitation/permissions';
import { beep, formatRemaining, useTimer, useTimerSound } from '../../hooks/facilitation/useTimer';
import { NumberField } from '../NumberField';

export function TimerPanel({ announce }: { readonly announce: (message: string) => void }) {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const [sound, setSound] = useTimerSound(view.facilitator);
  const { timer, remainingMs, ended } = useTimer(() => {
    announce(t('timer.announceEnd'));
    if (sound) beep();
  });
  const controls = canDo(view, 'controlTimer');
  const state = ended ? 'ended' : timer.kind;
  return (
    <div className={`timer timer-${state}`} role="group" aria-label={t('timer.label')}>
      {timer.kind === 'idle' ? (
        <p className="timer-display" data-testid="timer" data-state="idle">
          {t('timer.idle')}
        </p>
      ) : (
        <p className="timer-display" data-testid="timer" data-state={state}>
          <span className="visually-hidden">{t('timer.remaining')} </span>
          <span className="timer-digits" data-testid="timer-digits">
            {formatRemaining(remainingMs)}
          </span>
          {timer.kind === 'paused' && <span className="timer-note"> {t('timer.paused')}</span>}
          {ended && <span className="timer-note timer-ended-note"> {t('timer.ended')}</span>}
        </p>
      )}
      <label className="checkbox timer-sound">
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
        {t('timer.sound')}
      </label>
      {controls && <TimerControls announce={announce} />}
    </div>
  );
}

function TimerControls({ announce }: { readonly announce: (message: string) => void }) {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const actions = useFacilitationActions();
  const timebox = view.phase?.timeboxMinutes ?? 10;
  const phaseId = view.phase?.id ?? '';
  const [minutes, setMinutes] = useState(String(timebox || 10));
  // A new phase suggests its own time box.
  useEffect(() => setMinutes(String(timebox || 10)), [phaseId, timebox]);
  const timer = view.timer;
  const start = () => {
    const value = Number.parseFloat(minutes.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0) return;
    if (actions.startTimer(value)) announce(t('timer.announceStart', { minutes: value }));
  };
  return (
    <div className="timer-controls">
      {timer.kind === 'idle' || timer.kind === 'running' ? (
        <NumberField
          label={t('timer.minutes')}
          min={0}
          max={480}
          step="any"
          value={minutes}
          onChange={setMinutes}
        >
          <button type="button" onClick={start}>
            {timer.kind === 'idle' ? t('timer.start') : t('timer.restart')}
          </button>
        </NumberField>
      ) : null}
      {timer.kind === 'running' && (
        <button type="button" onClick={() => actions.pauseTimer()}>
          {t('timer.pause')}
        </button>
      )}
      {timer.kind === 'paused' && (
        <button type="button" onClick={() => actions.resumeTimer()}>
          {t('timer.resume')}
        </button>
      )}
      {timer.kind !== 'idle' && (
        <>
          <button type="button" onClick={() => actions.addTime(1)}>
            {t('timer.plus1')}
          </button>
          <button type="button" onClick={() => actions.addTime(5)}>
            {t('timer.plus5')}
          </button>
          <button type="button" onClick={() => actions.stopTimer()}>
            {t('timer.stop')}
          </button>
        </>
      )}
    </div>
  );
}
