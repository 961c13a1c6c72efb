// One Ziel with indicator, baseline and target, and its measures; read only (with
// the reason) where the running phase does not let this participant change it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGoal, useMeasureIds } from '../hooks/workshopHooks';
import { useStrategyActions } from '../hooks/facilitation/useStrategyAccess';
import { GuardedButton } from './facilitation/GuardedButton';
import { MeasureItem } from './MeasureItem';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';
import { useStrategyGuards } from './strategyGuards';

export const GoalItem = memo(function GoalItem({
  id,
  label,
}: {
  readonly id: string;
  readonly label: string;
}) {
  const { t } = useTranslation();
  const goal = useGoal(id);
  const measureIds = useMeasureIds(id);
  const actions = useStrategyActions();
  const { structure, measures } = useStrategyGuards();
  if (!goal) return null;
  return (
    <article className="goal" aria-label={`${label}: ${goal.title}`} data-testid="goal">
      <div className="entity-header">
        <span className="entity-number">{label}</span>
        <TextField
          className="grow"
          label={t('strategy.goalTitle')}
          multiline
          rows={2}
          value={goal.title}
          readOnlyReason={structure}
          onChange={(value) => actions.setGoalText(id, 'title', value)}
        />
        <ConfirmingDeleteButton
          question={t('strategy.confirmDeleteGoal', { title: goal.title })}
          onDelete={() => actions.deleteGoal(id)}
          reason={structure?.text}
          reasonId={structure?.id}
        >
          {t('strategy.deleteGoal')}
        </ConfirmingDeleteButton>
      </div>
      <div className="goal-metrics">
        <TextField
          label={t('strategy.indicator')}
          value={goal.indicator}
          readOnlyReason={structure}
          onChange={(value) => actions.setGoalText(id, 'indicator', value)}
        />
        <TextField
          label={t('strategy.baseline')}
          value={goal.baseline}
          readOnlyReason={structure}
          onChange={(value) => actions.setGoalText(id, 'baseline', value)}
        />
        <TextField
          label={t('strategy.target')}
          value={goal.target}
          readOnlyReason={structure}
          onChange={(value) => actions.setGoalText(id, 'target', value)}
        />
      </div>
      <h5>{t('strategy.measures')}</h5>
      {measureIds.map((measureId) => (
        <MeasureItem key={measureId} id={measureId} />
      ))}
      <GuardedButton
        reason={measures?.text}
        reasonId={measures?.id}
        onClick={() => actions.addMeasure(id, t('strategy.newMeasureTitle'))}
      >
        {t('strategy.addMeasure')}
      </GuardedButton>
    </article>
  );
});
