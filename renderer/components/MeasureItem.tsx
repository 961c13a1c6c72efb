// One Maßnahme with Federführung, Beteiligte, Zeitraum, Priorität, Finanzierung,
// Status and Indikatoren.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, PRIORITIES } from '../../shared/schema/types';
import { useMeasure } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { TextField } from './TextField';
import { useConfirm } from './useConfirm';

export const MeasureItem = memo(function MeasureItem({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const measure = useMeasure(id);
  const actions = useWorkshopActions();
  const [confirm, dialog] = useConfirm();
  const priorityId = useId();
  const statusId = useId();
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
        <button
          type="button"
          className="danger"
          onClick={() =>
            confirm(t('strategy.confirmDeleteMeasure', { title: measure.title }), () =>
              actions.deleteMeasure(id),
            )
          }
        >
          {t('strategy.deleteMeasure')}
        </button>
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
        <div className="text-field">
          <label htmlFor={priorityId}>{t('strategy.priority')}</label>
          <select
            id={priorityId}
            value={measure.priority}
            onChange={(event) =>
              actions.setMeasurePriority(id, event.target.value as (typeof PRIORITIES)[number])
            }
          >
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`strategy.priorityValues.${priority}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('strategy.funding')}
          value={measure.funding}
          onChange={(value) => actions.setMeasureText(id, 'funding', value)}
        />
        <div className="text-field">
          <label htmlFor={statusId}>{t('strategy.status')}</label>
          <select
            id={statusId}
            value={measure.status}
            onChange={(event) =>
              actions.setMeasureStatus(id, event.target.value as (typeof MEASURE_STATUSES)[number])
            }
          >
            {MEASURE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`strategy.statusValues.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          className="span-2"
          label={t('strategy.indicators')}
          value={measure.indicators}
          onChange={(value) => actions.setMeasureText(id, 'indicators', value)}
        />
      </div>
      {dialog}
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
