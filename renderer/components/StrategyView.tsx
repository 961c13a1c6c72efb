// The strategy: header and Leitbild, then each Handlungsfeld with its Ziele and
// their Maßnahmen, all editable in place.
import { useTranslation } from 'react-i18next';
import { useFieldIds, useStrategyHeader } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { FieldSection } from './FieldSection';
import { TextField } from './TextField';

export function StrategyView() {
  const { t } = useTranslation();
  const header = useStrategyHeader();
  const fieldIds = useFieldIds();
  const actions = useWorkshopActions();
  return (
    <section className="strategy-view" aria-labelledby="strategy-heading">
      <h2 id="strategy-heading">{t('strategy.heading')}</h2>
      <div className="strategy-header">
        <TextField
          label={t('strategy.title')}
          value={header.title}
          onChange={(value) => actions.setStrategyText('title', value)}
        />
        <TextField
          label={t('strategy.organisation')}
          value={header.organisation}
          onChange={(value) => actions.setStrategyText('organisation', value)}
        />
        <TextField
          label={t('strategy.vision')}
          multiline
          rows={4}
          value={header.vision}
          onChange={(value) => actions.setStrategyText('vision', value)}
        />
      </div>
      <h3>{t('strategy.fields')}</h3>
      {fieldIds.map((id, index) => (
        <FieldSection key={id} id={id} number={index + 1} />
      ))}
      <button
        type="button"
        className="primary"
        onClick={() => actions.addField(t('strategy.newFieldTitle'))}
      >
        {t('strategy.addField')}
      </button>
    </section>
  );
}
