// What only facilitators see: previous/next phase, reveal, lock, "everyone to me",
// anonymous mode, the progress of private writing, and behind disclosures the
// agenda editor, the vote rules of the running vote and the people in the room.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../../app/route';
import {
  useActingFor,
  useFacilitationView,
  usePeople,
} from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { AgendaEditor } from './AgendaEditor';
import { GuardedButton } from './GuardedButton';
import { PeoplePanel } from './PeoplePanel';
import { VoteRulesEditor } from './VoteRulesEditor';

export function FacilitatorControls() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const people = usePeople();
  const actions = useFacilitationActions();
  const route = useRoute();
  const phase = view.phase;
  const first = view.phaseIndex <= 0;
  const last = view.phaseIndex === -1 || view.phaseIndex >= view.phases.length - 1;
  const revealable =
    phase !== null && ((phase.kind === 'collect' && phase.privateWriting) || phase.kind === 'vote');
  const revealReason = !phase
    ? t('facilitation.reasons.nothingToReveal')
    : phase.revealed
      ? t('facilitation.reasons.revealed')
      : revealable
        ? null
        : t('facilitation.reasons.nothingToReveal');
  const followingMe = view.follow?.by === view.me;
  const currentView = route.screen === 'workshop' ? route.view : 'board';
  return (
    <div className="facilitator-controls" role="group" aria-label={t('facilitation.controls')}>
      <div className="control-row">
        <GuardedButton
          reason={first ? t('facilitation.reasons.firstPhase') : null}
          onClick={() => actions.previousPhase()}
        >
          {t('facilitation.previous')}
        </GuardedButton>
        <GuardedButton
          className="primary"
          reason={last ? t('facilitation.reasons.lastPhase') : null}
          onClick={() => actions.nextPhase()}
        >
          {t('facilitation.next')}
        </GuardedButton>
        <GuardedButton reason={revealReason} onClick={() => actions.reveal()}>
          {phase?.kind === 'vote' ? t('facilitation.revealVotes') : t('facilitation.reveal')}
        </GuardedButton>
        <button
          type="button"
          aria-pressed={view.locked}
          onClick={() => actions.setLocked(!view.locked)}
        >
          {t('facilitation.lock')}
        </button>
        <button
          type="button"
          aria-pressed={followingMe}
          title={t('facilitation.followHint')}
          onClick={() => (followingMe ? actions.stopFollow() : actions.startFollow(currentView))}
        >
          {t('facilitation.follow')}
        </button>
        <button
          type="button"
          aria-pressed={view.anonymous}
          title={t('facilitation.anonymousHint')}
          onClick={() => actions.setAnonymous(!view.anonymous)}
        >
          {t('facilitation.anonymous')}
        </button>
      </div>
      <ActingFor />
      {phase?.kind === 'collect' && phase.privateWriting && !phase.revealed && (
        <p className="private-progress" data-testid="private-progress">
          {view.anonymous
            ? t('facilitation.privateProgressAnonymous', { count: people.writers })
            : t('facilitation.privateProgress', {
                count: people.draftTotal,
                writers: people.writers,
              })}
        </p>
      )}
      <div className="control-disclosures">
        {phase?.kind === 'vote' && (
          <details className="disclosure">
            <summary>{t('votes.rules')}</summary>
            <VoteRulesEditor phaseId={phase.id} />
          </details>
        )}
        <details className="disclosure">
          <summary>{t('agenda.heading')}</summary>
          <AgendaEditor />
        </details>
        <details className="disclosure">
          <summary>{t('facilitation.people', { count: people.people.length })}</summary>
          <PeoplePanel />
        </details>
      </div>
    </div>
  );
}

/** Whom the facilitator enters cards, dots and "done" for: themselves or a proxy. */
function ActingFor() {
  const { t } = useTranslation();
  const { people } = usePeople();
  const actingFor = useActingFor();
  const actions = useFacilitationActions();
  const id = useId();
  const proxies = people.filter((person) => person.proxy);
  if (proxies.length === 0) return null;
  return (
    <div className="inline-form acting-for">
      <label htmlFor={id}>{t('facilitation.actingFor')}</label>
      <select id={id} value={actingFor} onChange={(event) => actions.actFor(event.target.value)}>
        <option value="">{t('facilitation.myself')}</option>
        {proxies.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
}
