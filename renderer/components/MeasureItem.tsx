// One Maßnahme with Federführung, Beteiligte, Zeitraum, Priorität, Finanzierung,
// Status and Indikatoren; read only (with the reason) where the running phase does
// not let this participant change measures. Deleting one needs the whole strategy.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, PRIORITIES } from '../../shared/schema/types';
import { useMeasure } from '../hooks/workshopHooks';
import { useStrategyActions } from '../hooks/facilitation/useStrategyAccess';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';
import { SelectField } from './SelectField';
import { useStrategyGuards } from './strategyGuards';
import type { ReadOnlyReason } from './TextField';

export const MeasureItem = memo(function MeasureItem({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const measure = useMeasure(id);
  const actions = useStrategyActions();
  const { structure, measures } = useStrategyGuards();
  if (!measure) return null;
  return (
    <div className="measure" data-testid="measure">
      <div className="entity-header">
        <TextField
          className="grow"
          label={t('strategy.measureTitle')}
          value={measure.title}
          readOnlyReason={measures}
          onChange={(value) => actions.setMeasureText(id, 'title', value)}
        />
        <ConfirmingDeleteButton
          question={t('strategy.confirmDeleteMeasure', { title: measure.title })}
          onDelete={() => actions.deleteMeasure(id)}
          reason={structure?.text}
          reasonId={structure?.id}
        >
          {t('strategy.deleteMeasure')}
        </ConfirmingDeleteButton>
      </div>
      <div className="measure-grid">
        <TextField
          label={t('strategy.lead')}
          value={measure.lead}
          readOnlyReason={measures}
          onChange={(value) => actions.setMeasureText(id, 'lead', value)}
        />
        <PartnersField
          partners={measure.partners}
          readOnlyReason={measures}
          onCommit={(list) => actions.setMeasurePartners(id, list)}
        />
        <TextField
          label={t('strategy.period')}
          value={measure.period}
          readOnlyReason={measures}
          onChange={(value) => actions.setMeasureText(id, 'period', value)}
        />
        <SelectField
          label={t('strategy.priority')}
          value={measure.priority}
          readOnlyReason={measures}
          options={PRIORITIES}
          optionLabel={(priority) => t(`strategy.priorityValues.${priority}`)}
          onChange={(priority) => actions.setMeasurePriority(id, priority)}
        />
        <TextField
          label={t('strategy.funding')}
          value={measure.funding}
          readOnlyReason={measures}
          onChange={(value) => actions.setMeasureText(id, 'funding', value)}
        />
        <SelectField
          label={t('strategy.status')}
          value={measure.status}
          readOnlyReason={measures}
          options={MEASURE_STATUSES}
          optionLabel={(status) => t(`strategy.statusValues.${status}`)}
          onChange={(status) => actions.setMeasureStatus(id, status)}
        />
        <TextField
          className="span-2"
          label={t('strategy.indicators')}
          value={measure.indicators}
          readOnlyReason={measures}
          onChange={(value) => actions.setMeasureText(id, 'indicators', value)}
        />
      </div>
    </div>
  );
});

/** Beteiligte as one office per line; written to the document when the field is left. */
function PartnersField({
  partners,
  onCommit,
  readOnlyReason,
}: {
  readonly partners: readonly string[];
  readonly onCommit: (list: string[]) => void;
  readonly readOnlyReason: ReadOnlyReason | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const joined = partners.join('\n');
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const list = draft
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    setDraft(null);
    onCommit(list);
  };
  return (
    <div className="text-field">
      <label htmlFor={id}>{t('strategy.partners')}</label>
      <textarea
        id={id}
        rows={Math.max(2, partners.length)}
        aria-describedby={readOnlyReason ? `${hintId} ${readOnlyReason.id}` : hintId}
        readOnly={readOnlyReason !== null}
        title={readOnlyReason?.text}
        value={draft ?? joined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
      />
      <span id={hintId} className="hint">
        {t('strategy.partnersHint')}
      </span>
    </div>
  );
}
