// The bar under the workshop header, on every view: in free mode an offer to start
// facilitation; once started the agenda with the running phase, what the phase
// expects of me, the shared timer, my remaining dots, the ready check, and for
// facilitators the controls. Phase changes, the reveal and the timer's end are
// announced to screen readers through one polite live region.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useActingFor,
  useFacilitationView,
  useParticipantName,
  useReadyCount,
  useVoteView,
} from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { canDo } from '../../hooks/facilitation/permissions';
import { LazyPart } from '../LazyPart';
import { FacilitatorControls } from '../lazyParts';
import { expectation, phaseTitle } from './phaseText';
import { TimerPanel } from './TimerPanel';

export function FacilitationBar() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const actions = useFacilitationActions();
  const [announcement, setAnnouncement] = useState('');
  const announce = (message: string) => setAnnouncement(message);

  const phaseKey = view.phase ? `${view.phase.id}:${view.phaseRun}` : '';
  const revealed = view.phase?.revealed ?? false;
  const previous = useRef({ phaseKey, revealed });
  useEffect(() => {
    const before = previous.current;
    previous.current = { phaseKey, revealed };
    if (!view.phase) return;
    if (before.phaseKey !== phaseKey) {
      setAnnouncement(
        t('facilitation.announcePhase', {
          title: phaseTitle(t, view.phase),
          expectation: expectation(t, view),
        }),
      );
    } else if (!before.revealed && revealed) {
      setAnnouncement(t('facilitation.announceRevealed'));
    }
  }, [phaseKey, revealed, t, view]);

  const live = (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {announcement}
    </p>
  );

  if (!view.started) {
    return (
      <section className="facilitation-bar free" aria-label={t('facilitation.barLabel')}>
        <p className="phase-expectation">{t('facilitation.freeMode')}</p>
        <button
          type="button"
          className="primary"
          title={t('facilitation.startHint')}
          onClick={() => actions.startFacilitation()}
        >
          {t('facilitation.start')}
        </button>
        {live}
      </section>
    );
  }

  const phase = view.phase;
  return (
    <section
      className={`facilitation-bar${view.locked ? ' locked' : ''}`}
      aria-label={t('facilitation.barLabel')}
      data-testid="facilitation-bar"
      data-phase-kind={phase?.kind ?? ''}
    >
      {view.phases.length > 0 && (
        <ol className="phase-steps" aria-label={t('facilitation.agendaLabel')}>
          {view.phases.map((entry, index) => (
            <li
              key={entry.id}
              aria-current={entry.id === phase?.id ? 'step' : undefined}
              className={index < view.phaseIndex ? 'done' : undefined}
            >
              {phaseTitle(t, entry)}
            </li>
          ))}
        </ol>
      )}
      <div className="phase-now">
        <div className="phase-text">
          <p className="phase-title" data-testid="phase-title">
            {phase ? (
              <>
                <span className="phase-count">
                  {t('facilitation.phaseOf', {
                    index: view.phaseIndex + 1,
                    count: view.phases.length,
                  })}
                </span>{' '}
                <strong>{phaseTitle(t, phase)}</strong>
              </>
            ) : (
              <strong>{t('facilitation.noPhase')}</strong>
            )}
            {view.locked && (
              <span className="badge locked-badge">{t('facilitation.lockedBadge')}</span>
            )}
            {view.anonymous && <span className="badge">{t('facilitation.anonymousBadge')}</span>}
          </p>
          <p className="phase-expectation" data-testid="phase-expectation">
            {expectation(t, view)}
          </p>
          <p className="phase-role">
            {view.facilitator
              ? view.role === 'host'
                ? t('facilitation.youHost')
                : t('facilitation.youCofacilitate')
              : t('facilitation.hostIs', { name: view.hostName || t('facilitation.unnamed') })}
          </p>
        </div>
        <TimerPanel announce={announce} />
        <VoteBudget />
        <ReadyControl />
      </div>
      {view.follow && !view.facilitator && (
        <p className="follow-note" role="note">
          {t('facilitation.following')}
        </p>
      )}
      {view.facilitator && (
        <LazyPart>
          <FacilitatorControls />
        </LazyPart>
      )}
      {live}
    </section>
  );
}

function VoteBudget() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const votes = useVoteView();
  const actingFor = useActingFor();
  const proxyName = useParticipantName(actingFor);
  const forProxy = actingFor !== '' && view.facilitator;
  if (!votes?.open || !(forProxy || canDo(view, 'vote'))) return null;
  const values = { remaining: votes.remaining, budget: votes.rules.budget, name: proxyName };
  return (
    <p className="vote-budget" data-testid="vote-budget">
      {forProxy ? t('votes.remainingFor', values) : t('votes.remaining', values)}
    </p>
  );
}

function ReadyControl() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const ready = useReadyCount();
  const actions = useFacilitationActions();
  if (!view.phase) return null;
  const mayMark = canDo(view, 'markReady');
  return (
    <div className="ready-control">
      <p className="ready-count" data-testid="ready-count">
        {t('facilitation.readyCount', { count: ready.count, total: ready.total })}
      </p>
      {mayMark && (
        <button
          type="button"
          className="ready-button"
          aria-pressed={ready.meReady}
          onClick={() => actions.setReady(!ready.meReady)}
        >
          {ready.meReady ? `✓ ${t('facilitation.ready')}` : t('facilitation.ready')}
        </button>
      )}
    </div>
  );
}
