// What the facilitator shows the room: the join address, the code in large type,
// and a QR code that opens the join page with the code filled in.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode } from '../../shared/sync/joinCodeFormat';

interface SessionInviteProps {
  /** The host's address as participants reach it, e.g. http://192.168.0.10:4871 */
  readonly baseUrl: string;
  readonly code: string;
}

export function joinUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/#/join?code=${encodeURIComponent(code)}`;
}

export function SessionInvite({ baseUrl, code }: SessionInviteProps) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const url = joinUrl(baseUrl, code);
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
      </dl>
    </div>
  );
}
