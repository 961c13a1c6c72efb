// Tells the user, in words, whether everything they did is saved on this device.
import { useTranslation } from 'react-i18next';
import { useSaveStatus } from '../hooks/useSaveStatus';

export function SaveIndicator() {
  const { t } = useTranslation();
  const status = useSaveStatus();
  return (
    <p
      className={`save-indicator save-${status.state}`}
      role="status"
      data-save-state={status.state}
    >
      {t(`save.${status.state}`)}
    </p>
  );
}
