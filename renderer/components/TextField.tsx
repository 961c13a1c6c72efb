// A labelled text input bound to a document value: every keystroke is a command,
// so what the user types is in the document (and on its way to disk) at once.
import { useId } from 'react';

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
}: TextFieldProps) {
  const id = useId();
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
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
