// A labelled text input bound to a document value: every keystroke is a command,
// so what the user types is in the document (and on its way to disk) at once.
// When the user may not change it now, it is read only: still focusable, readable
// and selectable, described by the reason (as GuardedButton does for buttons).
import { useId, type RefCallback } from 'react';

/** Why a field is read only now: the id of an element holding the reason, and its text. */
export interface ReadOnlyReason {
  readonly id: string;
  readonly text: string;
}

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly placeholder?: string;
  readonly className?: string;
  readonly hideLabel?: boolean;
  readonly autoFocus?: boolean;
  readonly testId?: string;
  /**
   * Names the field among its neighbours so that the focus can find it again when
   * its surroundings are rebuilt (a card that moved: cardUi/cardFocus.ts).
   */
  readonly focusKey?: string;
  readonly inputRef?: RefCallback<HTMLElement>;
  /** Set when the field may not be changed now. */
  readonly readOnlyReason?: ReadOnlyReason | null;
}

export function TextField({
  label,
  value,
  onChange,
  multiline = false,
  rows = 3,
  placeholder,
  className,
  hideLabel = false,
  autoFocus = false,
  testId,
  focusKey,
  inputRef,
  readOnlyReason,
}: TextFieldProps) {
  const id = useId();
  const guard = readOnlyReason
    ? { readOnly: true, 'aria-describedby': readOnlyReason.id, title: readOnlyReason.text }
    : {};
  return (
    <div className={`text-field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={rows}
          placeholder={placeholder}
          autoFocus={autoFocus}
          data-testid={testId}
          data-focus-key={focusKey}
          ref={inputRef}
          {...guard}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          autoFocus={autoFocus}
          data-testid={testId}
          data-focus-key={focusKey}
          ref={inputRef}
          {...guard}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
