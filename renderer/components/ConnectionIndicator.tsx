// Says in plain words how this laptop is connected to the room, and who is here.
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../hooks/useConnection';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  if (!status) return null;
  const others = status.participants.filter((participant) => !participant.isSelf).length;
  const summary = status.certificateUnconfirmed
    ? t('connection.certificateUnconfirmed')
    : status.refused
      ? t('connection.refused')
      : status.relay === 'connected' || status.directPeers > 0
        ? others === 0
          ? t('connection.alone')
          : t('connection.connected', { count: others })
        : status.relay === 'connecting'
          ? t('connection.connecting')
          : t('connection.offline');
  return (
    <details
      className={`connection connection-${status.refused || status.certificateUnconfirmed ? 'refused' : status.relay}`}
    >
      <summary>
        <span role="status" data-testid="connection-status" data-relay={status.relay}>
          {summary}
        </span>
      </summary>
      <div className="connection-details">
        <p>{t('connection.direct', { count: status.directPeers })}</p>
        <h3>{t('connection.people')}</h3>
        <ul>
          {status.participants.map((participant) => (
            <li key={participant.clientId}>
              <span className="presence-dot" style={{ background: participant.color }} />
              {participant.name} {participant.isSelf && t('connection.you')}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
