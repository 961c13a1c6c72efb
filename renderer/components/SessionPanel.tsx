// The "Sitzung" view: the facilitator opens the room for this workshop (desktop
// app), shows address, code and QR code, rotates or revokes the code and sees who
// is connected; anyone can instead join a session on another laptop.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_HREF } from '../app/route';
import { useConnectionStatus } from '../hooks/useConnection';
import { useHostedSession } from '../hooks/useHostedSession';
import { useWorkshopInfo } from '../hooks/workshopHooks';
import { SelectField } from './SelectField';
import { SessionInvite } from './SessionInvite';

export function SessionPanel() {
  const { t } = useTranslation();
  const hosting = useHostedSession();
  const info = useWorkshopInfo();
  const status = useConnectionStatus();
  const choices = hosting.interfaces.map((candidate) => candidate.address);
  const preferred =
    hosting.interfaces.find((candidate) => !candidate.internal)?.address ?? choices[0] ?? '';
  const [address, setAddress] = useState<string | null>(null);
  const chosen = address ?? preferred;
  const [https, setHttps] = useState(false);

  return (
    <section className="session-panel" aria-labelledby="session-heading">
      <h2 id="session-heading">{t('session.heading')}</h2>
      {!hosting.canHost ? (
        <p>{t('session.browserCannotHost')}</p>
      ) : hosting.hosted ? (
        <>
          {hosting.hosted.code ? (
            <SessionInvite
              baseUrl={hosting.hosted.url}
              code={hosting.hosted.code}
              fingerprint={hosting.hosted.certificateFingerprint}
            />
          ) : (
            <p role="alert">{t('session.revoked')}</p>
          )}
          <p>
            {t('session.connections', { count: hosting.hosted.connections })}
            {status &&
              ` · ${status.participants
                .filter((participant) => !participant.isSelf)
                .map((participant) => participant.name)
                .join(', ')}`}
          </p>
          <div className="start-actions">
            <button type="button" onClick={() => void hosting.rotateCode()}>
              {t('session.rotate')}
            </button>
            <button type="button" onClick={() => void hosting.revokeCode()}>
              {t('session.revoke')}
            </button>
            <button type="button" className="danger" onClick={() => void hosting.stop()}>
              {t('session.stop')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="join-form"
          onSubmit={(event) => {
            event.preventDefault();
            void hosting.start(chosen, info.title, https);
          }}
        >
          <p>{t('session.intro')}</p>
          <SelectField
            label={t('session.interface')}
            value={chosen}
            options={choices}
            optionLabel={(value) => {
              const candidate = hosting.interfaces.find((entry) => entry.address === value);
              return candidate
                ? `${candidate.address} (${candidate.internal ? t('session.thisComputerOnly') : candidate.name})`
                : value;
            }}
            onChange={setAddress}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={https}
              aria-describedby="session-https-hint"
              onChange={(event) => setHttps(event.target.checked)}
            />
            {t('session.https')}
          </label>
          <p id="session-https-hint" className="hint">
            {t('session.httpsHint')}
          </p>
          <button type="submit" className="primary" disabled={!chosen}>
            {t('session.start')}
          </button>
        </form>
      )}
      {hosting.error && (
        <p className="form-error" role="alert">
          {hosting.error}
        </p>
      )}
      <h3>{t('session.networkHeading')}</h3>
      <ul className="checklist">
        <li>{t('session.checkNetwork')}</li>
        <li>{t('session.checkFirewall')}</li>
        <li>
          {hosting.hosted?.certificateFingerprint
            ? t('session.checkEncrypted')
            : t('session.checkPlaintext')}
        </li>
      </ul>
      <p>
        <a href={JOIN_HREF}>{t('join.link')}</a>
      </p>
    </section>
  );
}
