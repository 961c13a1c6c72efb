// One Maßnahme with Federführung, Beteiligte, Zeitraum, Priorität, Finanzierung,
// Status and Indikatoren.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, PRIORITIES } from '../../shared/schema/types';
import { useMeasure } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';
import { SelectField } from './SelectField';

export const MeasureItem = memo(function MeasureItem({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const measure = useMeasure(id);
  const actions = useWorkshopActions();
  if (!measure) return null;
  return (
    <div className="measure" data-testid="measure">
      <div className="entity-header">
        <TextField
          className="grow"
          label={t('strategy.measureTitle')}
          value={measure.title}
          onChange={(value) => actions.setMeasureText(id, 'title', value)}
        />
        <ConfirmingDeleteButton
          question={t('strategy.confirmDeleteMeasure', { title: measure.title })}
          onDelete={() => actions.deleteMeasure(id)}
        >
          {t('strategy.deleteMeasure')}
        </ConfirmingDeleteButton>
      </div>
      <div className="measure-grid">
        <TextField
          label={t('strategy.lead')}
          value={measure.lead}
          onChange={(value) => actions.setMeasureText(id, 'lead', value)}
        />
        <PartnersField
          partners={measure.partners}
          onCommit={(list) => actions.setMeasurePartners(id, list)}
        />
        <TextField
          label={t('strategy.period')}
          value={measure.period}
          onChange={(value) => actions.setMeasureText(id, 'period', value)}
        />
        <SelectField
          label={t('strategy.priority')}
          value={measure.priority}
          options={PRIORITIES}
          optionLabel={(priority) => t(`strategy.priorityValues.${priority}`)}
          onChange={(priority) => actions.setMeasurePriority(id, priority)}
        />
        <TextField
          label={t('strategy.funding')}
          value={measure.funding}
          onChange={(value) => actions.setMeasureText(id, 'funding', value)}
        />
        <SelectField
          label={t('strategy.status')}
          value={measure.status}
          options={MEASURE_STATUSES}
          optionLabel={(status) => t(`strategy.statusValues.${status}`)}
          onChange={(status) => actions.setMeasureStatus(id, status)}
        />
        <TextField
          className="span-2"
          label={t('strategy.indicators')}
          value={measure.indicators}
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
}: {
  readonly partners: readonly string[];
  readonly onCommit: (list: string[]) => void;
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
        aria-describedby={hintId}
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
