// The agenda for facilitators: phases in order with title and time box, moved up
// and down with buttons (no drag needed), removed (not the running one), started
// directly; collect phases choose private writing, vote phases their rules, custom
// phases what participants may do; new phases are added at the end.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ACTIONS, type ParticipantAction } from '../../../shared/facilitation/actions';
import {
  MAX_TIMEBOX_MINUTES,
  PHASE_KINDS,
  type Phase,
  type PhaseKind,
} from '../../../shared/facilitation/phases';
import { useFacilitationView } from '../../hooks/facilitation/useFacilitation';
import { useFacilitationActions } from '../../hooks/facilitation/useFacilitationActions';
import { ConfirmingDeleteButton } from '../ConfirmingDeleteButton';
import { SelectField } from '../SelectField';
import { GuardedButton } from './GuardedButton';
import { phaseTitle } from './phaseText';
import { VoteRulesEditor } from './VoteRulesEditor';

export function AgendaEditor() {
  const { t } = useTranslation();
  const view = useFacilitationView();
  const actions = useFacilitationActions();
  const [kind, setKind] = useState<PhaseKind>('collect');
  return (
    <div className="agenda-editor" data-testid="agenda-editor">
      <ol className="agenda-list">
        {view.phases.map((phase, index) => (
          <PhaseRow
            key={phase.id}
            phase={phase}
            index={index}
            count={view.phases.length}
            current={phase.id === view.phase?.id}
          />
        ))}
      </ol>
      <div className="inline-form add-phase">
        <SelectField
          label={t('agenda.newKind')}
          value={kind}
          options={PHASE_KINDS}
          optionLabel={(value) => t(`facilitation.kinds.${value}`)}
          onChange={setKind}
        />
        <button type="button" onClick={() => actions.addPhase(kind)}>
          {t('agenda.add')}
        </button>
      </div>
    </div>
  );
}

function PhaseRow({
  phase,
  index,
  count,
  current,
}: {
  readonly phase: Phase;
  readonly index: number;
  readonly count: number;
  readonly current: boolean;
}) {
  const { t } = useTranslation();
  const actions = useFacilitationActions();
  const titleId = useId();
  const minutesId = useId();
  const name = phaseTitle(t, phase);
  return (
    <li className={`agenda-row${current ? ' current' : ''}`} data-testid="agenda-row">
      <div className="agenda-main">
        <span className="agenda-number">{index + 1}.</span>
        <span className="text-field">
          <label htmlFor={titleId}>
            {t('agenda.phaseTitle', { kind: t(`facilitation.kinds.${phase.kind}`) })}
          </label>
          <input
            id={titleId}
            value={phase.title}
            placeholder={t(`facilitation.kinds.${phase.kind}`)}
            onChange={(event) => actions.updatePhase(phase.id, { title: event.target.value })}
          />
        </span>
        <span className="text-field">
          <label htmlFor={minutesId}>
            {t('agenda.timebox')}
            <span className="visually-hidden"> – {name}</span>
          </label>
          <input
            id={minutesId}
            className="minutes-input"
            type="number"
            min={0}
            max={MAX_TIMEBOX_MINUTES}
            value={phase.timeboxMinutes}
            onChange={(event) => {
              const minutes = Number.parseInt(event.target.value, 10);
              if (Number.isFinite(minutes)) {
                actions.updatePhase(phase.id, { timeboxMinutes: minutes });
              }
            }}
          />
        </span>
        {current && <span className="badge">{t('agenda.current')}</span>}
      </div>
      <div className="agenda-actions">
        <GuardedButton
          aria-label={t('agenda.moveUp', { name })}
          reason={index === 0 ? t('agenda.alreadyFirst') : null}
          onClick={() => actions.movePhase(phase.id, index - 1)}
        >
          ↑
        </GuardedButton>
        <GuardedButton
          aria-label={t('agenda.moveDown', { name })}
          reason={index === count - 1 ? t('agenda.alreadyLast') : null}
          onClick={() => actions.movePhase(phase.id, index + 1)}
        >
          ↓
        </GuardedButton>
        <GuardedButton
          aria-label={t('agenda.goTo', { name })}
          reason={current ? t('agenda.isCurrent') : null}
          onClick={() => actions.goToPhase(phase.id)}
        >
          {t('agenda.goToShort')}
        </GuardedButton>
        {current ? (
          <GuardedButton
            className="danger"
            aria-label={t('agenda.remove', { name })}
            reason={t('facilitation.reasons.currentPhase')}
          >
            ×
          </GuardedButton>
        ) : (
          <ConfirmingDeleteButton
            ariaLabel={t('agenda.remove', { name })}
            question={t('agenda.confirmRemove', { name })}
            onDelete={() => actions.removePhase(phase.id)}
          >
            ×
          </ConfirmingDeleteButton>
        )}
      </div>
      {phase.kind === 'collect' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={phase.privateWriting}
            onChange={(event) =>
              actions.updatePhase(phase.id, { privateWriting: event.target.checked })
            }
          />
          {t('agenda.privateWriting')}
        </label>
      )}
      {phase.kind === 'vote' && <VoteRulesEditor phaseId={phase.id} />}
      {phase.kind === 'custom' && <AllowsEditor phase={phase} />}
    </li>
  );
}

function AllowsEditor({ phase }: { readonly phase: Phase }) {
  const { t } = useTranslation();
  const actions = useFacilitationActions();
  const toggle = (action: ParticipantAction, on: boolean) => {
    const next = on ? [...phase.allows, action] : phase.allows.filter((a) => a !== action);
    actions.updatePhase(phase.id, { allows: next });
  };
  return (
    <fieldset className="allows">
      <legend>{t('agenda.allows')}</legend>
      {PARTICIPANT_ACTIONS.map((action) => (
        <label key={action} className="checkbox">
          <input
            type="checkbox"
            checked={phase.allows.includes(action)}
            onChange={(event) => toggle(action, event.target.checked)}
          />
          {t(`agenda.actions.${action}`)}
        </label>
      ))}
    </fieldset>
  );
}
