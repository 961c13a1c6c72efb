// One Ziel with indicator, baseline and target, and its measures.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGoal, useMeasureIds } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { MeasureItem } from './MeasureItem';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';

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
  const actions = useWorkshopActions();
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
          onChange={(value) => actions.setGoalText(id, 'title', value)}
        />
        <ConfirmingDeleteButton
          question={t('strategy.confirmDeleteGoal', { title: goal.title })}
          onDelete={() => actions.deleteGoal(id)}
        >
          {t('strategy.deleteGoal')}
        </ConfirmingDeleteButton>
      </div>
      <div className="goal-metrics">
        <TextField
          label={t('strategy.indicator')}
          value={goal.indicator}
          onChange={(value) => actions.setGoalText(id, 'indicator', value)}
        />
        <TextField
          label={t('strategy.baseline')}
          value={goal.baseline}
          onChange={(value) => actions.setGoalText(id, 'baseline', value)}
        />
        <TextField
          label={t('strategy.target')}
          value={goal.target}
          onChange={(value) => actions.setGoalText(id, 'target', value)}
        />
      </div>
      <h5>{t('strategy.measures')}</h5>
      {measureIds.map((measureId) => (
        <MeasureItem key={measureId} id={measureId} />
      ))}
      <button type="button" onClick={() => actions.addMeasure(id, t('strategy.newMeasureTitle'))}>
        {t('strategy.addMeasure')}
      </button>
    </article>
  );
});
