// A labelled select over a fixed list of values, each shown with its translation.
// When the user may not change it now, the chosen value is shown in a read-only
// text input instead (a select cannot be read only): focusable, readable, and
// described by the reason.
import { useId } from 'react';
import type { ReadOnlyReason } from './TextField';

interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly optionLabel: (value: T) => string;
  readonly onChange: (value: T) => void;
  /** Set when the value may not be changed now. */
  readonly readOnlyReason?: ReadOnlyReason | null;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  readOnlyReason,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      {readOnlyReason ? (
        <input
          id={id}
          type="text"
          readOnly
          value={optionLabel(value)}
          aria-describedby={readOnlyReason.id}
          title={readOnlyReason.text}
        />
      ) : (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
