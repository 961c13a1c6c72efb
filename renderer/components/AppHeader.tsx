// The header of the screens outside a workshop: name, tagline, language switch.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div>
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <LanguageSwitch />
    </header>
  );
}
