// One Handlungsfeld in the strategy view, with its goals; read only (with the
// reason) where the running phase does not let this participant change it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useField, useGoalIds } from '../hooks/workshopHooks';
import { useStrategyActions } from '../hooks/facilitation/useStrategyAccess';
import { GuardedButton } from './facilitation/GuardedButton';
import { GoalItem } from './GoalItem';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';
import { useStrategyGuards } from './strategyGuards';

export const FieldSection = memo(function FieldSection({
  id,
  number,
}: {
  readonly id: string;
  readonly number: number;
}) {
  const { t } = useTranslation();
  const field = useField(id);
  const goalIds = useGoalIds(id);
  const actions = useStrategyActions();
  const { structure } = useStrategyGuards();
  if (!field) return null;
  return (
    <section
      className="field-section"
      aria-label={`${t('strategy.field')} ${number}: ${field.title}`}
      data-testid="field-section"
    >
      <div className="entity-header">
        <span className="entity-number">HF {number}</span>
        <TextField
          className="grow"
          label={t('strategy.fieldTitle')}
          value={field.title}
          readOnlyReason={structure}
          onChange={(value) => actions.setFieldText(id, 'title', value)}
        />
        <ConfirmingDeleteButton
          question={t('strategy.confirmDeleteField', { title: field.title })}
          onDelete={() => actions.deleteField(id)}
          reason={structure?.text}
          reasonId={structure?.id}
        >
          {t('strategy.deleteField')}
        </ConfirmingDeleteButton>
      </div>
      <TextField
        label={t('strategy.fieldDescription')}
        multiline
        rows={2}
        value={field.description}
        readOnlyReason={structure}
        onChange={(value) => actions.setFieldText(id, 'description', value)}
      />
      <h4>{t('strategy.goals')}</h4>
      <div className="goals">
        {goalIds.map((goalId, index) => (
          <GoalItem key={goalId} id={goalId} label={`Z ${number}.${index + 1}`} />
        ))}
      </div>
      <GuardedButton
        reason={structure?.text}
        reasonId={structure?.id}
        onClick={() => actions.addGoal(id, t('strategy.newGoalTitle'))}
      >
        {t('strategy.addGoal')}
      </GuardedButton>
    </section>
  );
});
