// The workshop's name in the header. In a facilitated workshop it is the
// facilitators' to change, like the strategy's own header: participants see it read
// only, still focusable, with the reason; the command is refused as well.
import { useTranslation } from 'react-i18next';
import { mayEditStrategy } from '../../shared/facilitation/strategy';
import { useRuntime } from '../hooks/facilitation/useFacilitation';
import { useStrategyAccessOfView } from '../hooks/facilitation/useStrategyAccess';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { useWorkshopInfo } from '../hooks/workshopHooks';
import { TextField } from './TextField';

const REASON_ID = 'workshop-title-reason';

export function WorkshopTitleField() {
  const { t } = useTranslation();
  const info = useWorkshopInfo();
  const actions = useWorkshopActions();
  const runtime = useRuntime();
  const denied = useStrategyAccessOfView().structure !== null;
  const reason = t('workshop.titleReadOnly');
  return (
    <>
      <TextField
        className="workshop-title-field"
        label={t('workshop.titleLabel')}
        hideLabel
        value={info.title}
        readOnlyReason={denied ? { id: REASON_ID, text: reason } : null}
        onChange={(value) => {
          if (mayEditStrategy(runtime.session.doc, runtime.me, 'header')) {
            actions.setWorkshopText('title', value);
          }
        }}
        testId="workshop-title"
      />
      {denied && (
        <span id={REASON_ID} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}
