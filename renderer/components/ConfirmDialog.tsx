// A modal confirmation for destructive actions, on the native <dialog> element
// (focus is trapped and Escape cancels, with no extra code).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  readonly message: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ message, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-message"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <p id="confirm-message">{message}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t('dialog.confirm')}
        </button>
      </div>
    </dialog>
  );
}
