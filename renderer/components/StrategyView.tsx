// The strategy: header and Leitbild, then each Handlungsfeld with its Ziele and
// their Maßnahmen, all editable in place, as far as the running phase lets this
// participant (docs/facilitation.md, "Roles and permissions"): read-only parts stay
// readable and focusable, and a note at the top says why.
import { useTranslation } from 'react-i18next';
import { useFieldIds, useStrategyHeader } from '../hooks/workshopHooks';
import {
  StrategyAccessContext,
  useStrategyAccessOfView,
  useStrategyActions,
} from '../hooks/facilitation/useStrategyAccess';
import { GuardedButton } from './facilitation/GuardedButton';
import { FieldSection } from './FieldSection';
import { TextField } from './TextField';
import { useStrategyGuards } from './strategyGuards';

export function StrategyView() {
  const access = useStrategyAccessOfView();
  return (
    <StrategyAccessContext.Provider value={access}>
      <StrategyContent />
    </StrategyAccessContext.Provider>
  );
}

function StrategyContent() {
  const { t } = useTranslation();
  const header = useStrategyHeader();
  const fieldIds = useFieldIds();
  const actions = useStrategyActions();
  const guards = useStrategyGuards();
  // Structure and measures, when both are read only, are so for the same reason.
  const note = guards.structure ?? guards.measures;
  return (
    <section className="strategy-view" aria-labelledby="strategy-heading">
      <h2 id="strategy-heading">{t('strategy.heading')}</h2>
      {note && (
        <p className="strategy-readonly-note" role="note" id={note.id} data-testid="strategy-note">
          {note.text}
        </p>
      )}
      <div className="strategy-header">
        <TextField
          label={t('strategy.title')}
          value={header.title}
          readOnlyReason={guards.structure}
          onChange={(value) => actions.setStrategyText('title', value)}
        />
        <TextField
          label={t('strategy.organisation')}
          value={header.organisation}
          readOnlyReason={guards.structure}
          onChange={(value) => actions.setStrategyText('organisation', value)}
        />
        <TextField
          label={t('strategy.vision')}
          multiline
          rows={4}
          value={header.vision}
          readOnlyReason={guards.structure}
          onChange={(value) => actions.setStrategyText('vision', value)}
        />
      </div>
      <h3>{t('strategy.fields')}</h3>
      {fieldIds.map((id, index) => (
        <FieldSection key={id} id={id} number={index + 1} />
      ))}
      <GuardedButton
        className="primary"
        reason={guards.structure?.text}
        reasonId={guards.structure?.id}
        onClick={() => actions.addField(t('strategy.newFieldTitle'))}
      >
        {t('strategy.addField')}
      </GuardedButton>
    </section>
  );
}
