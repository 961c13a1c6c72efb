// A button that stays focusable when the action is not allowed now and says why:
// aria-disabled (not `disabled`, which would hide it from keyboard users), the
// reason as tooltip and as accessible description.
import { useId, type ButtonHTMLAttributes } from 'react';

interface GuardedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the action is not possible now; null or undefined when it is. */
  readonly reason?: string | null;
  /** Id of an element that already holds the reason (saves one per button). */
  readonly reasonId?: string;
}

export function GuardedButton({
  reason,
  reasonId,
  onClick,
  className,
  children,
  ...rest
}: GuardedButtonProps) {
  const ownId = useId();
  const blocked = reason !== null && reason !== undefined && reason !== '';
  const describedBy = blocked ? (reasonId ?? ownId) : rest['aria-describedby'];
  return (
    <>
      <button
        type="button"
        {...rest}
        className={className}
        aria-disabled={blocked ? true : undefined}
        aria-describedby={describedBy}
        title={blocked ? reason : rest.title}
        onClick={blocked ? (event) => event.preventDefault() : onClick}
      >
        {children}
      </button>
      {blocked && !reasonId && (
        <span id={ownId} hidden>
          {reason}
        </span>
      )}
    </>
  );
}
