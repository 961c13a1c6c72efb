// A delete button that asks first; used wherever deleting loses typed content.
// When deleting is not allowed now, it stays focusable and says why (GuardedButton).
import type { ReactNode } from 'react';
import { GuardedButton } from './facilitation/GuardedButton';
import { useConfirm } from './useConfirm';

interface ConfirmingDeleteButtonProps {
  readonly question: string;
  readonly onDelete: () => void;
  readonly children: ReactNode;
  readonly ariaLabel?: string;
  /** Why deleting is not possible now; null or undefined when it is. */
  readonly reason?: string | null;
  /** Id of an element that already holds the reason. */
  readonly reasonId?: string;
  /** Names the button for the focus to find it again (cardUi/cardFocus.ts). */
  readonly focusKey?: string;
}

export function ConfirmingDeleteButton({
  question,
  onDelete,
  children,
  ariaLabel,
  reason,
  reasonId,
  focusKey,
}: ConfirmingDeleteButtonProps) {
  const [confirm, dialog] = useConfirm();
  return (
    <>
      <GuardedButton
        className="danger"
        aria-label={ariaLabel}
        reason={reason}
        reasonId={reasonId}
        data-focus-key={focusKey}
        onClick={() => confirm(question, onDelete)}
      >
        {children}
      </GuardedButton>
      {dialog}
    </>
  );
}
