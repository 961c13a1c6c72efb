// Joining a session in the room: address (prefilled when the page came from the
// host, or chosen from the sessions the desktop app found on the network), join code
// (prefilled from the QR code's link) and a display name.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, workshopHref } from '../app/route';
import { useAuthorName } from '../hooks/useAuthorName';
import { servedFromAddress, useJoinSession } from '../hooks/useJoinSession';
import { AppHeader } from './AppHeader';
import { DiscoveredSessions } from './DiscoveredSessions';
import { CertificateCheck, type UnconfirmedCertificate } from './CertificateCheck';

type JoinError = 'wrongCode' | 'unreachable' | 'notWerkstatt' | 'nameRequired';

export function JoinScreen({ initialCode }: { readonly initialCode: string }) {
  const { t } = useTranslation();
  const join = useJoinSession();
  const [name, setName] = useAuthorName();
  const [address, setAddress] = useState(servedFromAddress);
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JoinError | null>(null);
  const [certificate, setCertificate] = useState<UnconfirmedCertificate | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  /** `fingerprint`: the https host's certificate as the user confirmed it (desktop app). */
  const submit = async (fingerprint?: string) => {
    if (!name.trim()) {
      setError('nameRequired');
      return;
    }
    setBusy(true);
    setError(null);
    setCertificate(null);
    const result = await join(address, code, fingerprint);
    setBusy(false);
    if (result.ok) navigate(workshopHref(result.workshopId));
    else if (result.reason === 'certificateUnconfirmed') setCertificate(result);
    else setError(result.reason);
  };

  return (
    <div className="start-screen">
      <AppHeader />
      <main>
        <h2>{t('join.heading')}</h2>
        <p>{t('join.intro')}</p>
        <DiscoveredSessions
          chosen={address}
          onChoose={(baseUrl) => {
            setAddress(baseUrl);
            codeInput.current?.focus();
          }}
        />
        <form
          className="join-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="text-field">
            <label htmlFor="join-address">{t('join.address')}</label>
            <input
              id="join-address"
              required
              value={address}
              placeholder={t('join.addressPlaceholder')}
              onChange={(event) => setAddress(event.target.value)}
            />
          </div>
          <div className="text-field">
            <label htmlFor="join-code">{t('join.code')}</label>
            <input
              id="join-code"
              ref={codeInput}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="code-input"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          <div className="text-field">
            <label htmlFor="join-name">{t('join.name')}</label>
            <input
              id="join-name"
              required
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          {certificate && (
            <CertificateCheck
              certificate={certificate}
              onConfirm={() => void submit(certificate.fingerprint)}
              onCancel={() => setCertificate(null)}
            />
          )}
          {error && (
            <p className="form-error" role="alert">
              {t(`join.${error}`)}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('join.joining') : t('join.submit')}
          </button>
        </form>
        <p>
          <a href="#/">{t('workshop.back')}</a>
        </p>
      </main>
    </div>
  );
}
