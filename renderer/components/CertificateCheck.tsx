// Desktop app joining an https session whose certificate this computer does not know yet
// (or that changed): shows the certificate's fingerprint for the user to compare with the
// facilitator's screen. Only "it matches" sends the join code, and from then on exactly that
// certificate is trusted for this address. Browsers do the same in their own warning page.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintLines } from '../../shared/sync/certificateFingerprint';

export interface UnconfirmedCertificate {
  readonly fingerprint: string;
  /** What this address presented before, if anything: then the certificate changed. */
  readonly previous: string | null;
}

interface CertificateCheckProps {
  readonly certificate: UnconfirmedCertificate;
  onConfirm(): void;
  onCancel(): void;
}

export function CertificateCheck({ certificate, onConfirm, onCancel }: CertificateCheckProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the question, not somewhere below it.
  useEffect(() => heading.current?.focus(), [certificate.fingerprint]);
  return (
    <section
      className={`certificate-check${certificate.previous ? ' certificate-changed' : ''}`}
      aria-labelledby="certificate-check-heading"
      data-testid="certificate-check"
    >
      <h3 id="certificate-check-heading" tabIndex={-1} ref={heading}>
        {t('join.certificateHeading')}
      </h3>
      <p role={certificate.previous ? 'alert' : undefined}>
        {certificate.previous ? t('join.certificateChanged') : t('join.certificateNew')}
      </p>
      <p>{t('join.certificateFingerprint')}</p>
      <p className="fingerprint" data-testid="certificate-fingerprint">
        {fingerprintLines(certificate.fingerprint).map((line) => (
          <code key={line}>{line}</code>
        ))}
      </p>
      <div className="start-actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {t('join.certificateConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('join.certificateCancel')}
        </button>
      </div>
    </section>
  );
}
