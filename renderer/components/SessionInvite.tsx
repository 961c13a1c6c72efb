// What the facilitator shows the room: the join address, the code in large type,
// a QR code that opens the join page with the code filled in, and with HTTPS the
// certificate's fingerprint that people compare with their browser's before accepting it.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintLines } from '../../shared/sync/certificateFingerprint';
import { formatJoinCode } from '../../shared/sync/joinCodeFormat';
import { joinUrl } from '../sync/joinLink';

interface SessionInviteProps {
  /** The host's address as participants reach it, e.g. http://192.168.0.10:4871 */
  readonly baseUrl: string;
  readonly code: string;
  /** SHA-256 of the host's certificate with HTTPS, null with plain HTTP. */
  readonly fingerprint: string | null;
}

export function SessionInvite({ baseUrl, code, fingerprint }: SessionInviteProps) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const url = joinUrl(baseUrl, code, fingerprint);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
      (data) => {
        if (!cancelled) setQr(data);
      },
      () => setQr(null),
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <div className="session-invite">
      {qr && <img src={qr} width={240} height={240} alt={t('session.qrAlt', { url })} />}
      <dl>
        <dt>{t('session.address')}</dt>
        <dd className="invite-address">{baseUrl}</dd>
        <dt>{t('session.code')}</dt>
        <dd className="invite-code" data-testid="join-code">
          {formatJoinCode(code)}
        </dd>
        {fingerprint && (
          <>
            <dt>{t('session.fingerprint')}</dt>
            <dd className="fingerprint" data-testid="certificate-fingerprint">
              {fingerprintLines(fingerprint).map((line) => (
                <code key={line}>{line}</code>
              ))}
            </dd>
            <dd className="fingerprint-hint">{t('session.fingerprintHint')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
