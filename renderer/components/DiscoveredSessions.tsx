// "Sessions on this network" on the desktop app's join screen: what the main process
// found over mDNS, one button per session. Choosing one fills in the address; the join
// code is still typed (it is never announced). The count is announced politely and only
// when it changes; when nothing turns up, the screen says why that can be and what to do.
import { useTranslation } from 'react-i18next';
import { useDiscoveredSessions } from '../hooks/useDiscoveredSessions';

function shownAddress(baseUrl: string): string {
  const url = new URL(baseUrl);
  return url.protocol === 'https:' ? `https://${url.host}` : url.host;
}

export function DiscoveredSessions({
  chosen,
  onChoose,
}: {
  readonly chosen: string;
  readonly onChoose: (baseUrl: string) => void;
}) {
  const { t } = useTranslation();
  const discovery = useDiscoveredSessions();
  if (!discovery) return null;
  const { sessions, searched } = discovery;
  const status = !searched
    ? t('discovery.searching')
    : sessions.length === 0
      ? t('discovery.none')
      : t('discovery.found', { count: sessions.length });

  return (
    <section className="discovered-sessions" aria-labelledby="discovered-heading">
      <h3 id="discovered-heading">{t('discovery.heading')}</h3>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {sessions.length > 0 && (
        <>
          <p className="hint">{t('discovery.chooseHint')}</p>
          <ul className="discovered-list">
            {sessions.map((session) => (
              <li key={session.baseUrl}>
                <button
                  type="button"
                  aria-pressed={chosen === session.baseUrl}
                  onClick={() => onChoose(session.baseUrl)}
                >
                  <span className="discovered-title">
                    {session.title || t('discovery.untitled')}
                  </span>{' '}
                  <span className="discovered-where">
                    {t('discovery.where', {
                      address: shownAddress(session.baseUrl),
                      host: session.hostName,
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {searched && sessions.length === 0 && <p className="hint">{t('discovery.noneHelp')}</p>}
    </section>
  );
}
