// A delete button that asks first; used wherever deleting loses typed content.
import type { ReactNode } from 'react';
import { useConfirm } from './useConfirm';

interface ConfirmingDeleteButtonProps {
  readonly question: string;
  readonly onDelete: () => void;
  readonly children: ReactNode;
  readonly ariaLabel?: string;
}

export function ConfirmingDeleteButton({
  question,
  onDelete,
  children,
  ariaLabel,
}: ConfirmingDeleteButtonProps) {
  const [confirm, dialog] = useConfirm();
  return (
    <>
      <button
        type="button"
        className="danger"
        aria-label={ariaLabel}
        onClick={() => confirm(question, onDelete)}
      >
        {children}
      </button>
      {dialog}
    </>
  );
}
