// A labelled number input on one line, as the facilitators' panels ask for counts
// and minutes: the label names it for screen readers (and for the tests), the
// browser's spin buttons keep to min, max and step. What the user types is handed on
// as typed, every keystroke: the caller decides what counts (a whole number, a
// positive time) and when it takes effect (at once, or with the button beside it).
import { useId, type ReactNode } from 'react';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number | string;
  /** The field's text as typed, possibly empty or not yet a number. */
  readonly onChange: (value: string) => void;
  readonly min?: number;
  readonly max?: number;
  /** Defaults to the browser's 1; "any" for fractions. */
  readonly step?: number | 'any';
  /** On the same line after the input, e.g. the button that uses its value. */
  readonly children?: ReactNode;
}

export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  children,
}: NumberFieldProps) {
  const id = useId();
  return (
    <span className="inline-form">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="minutes-input"
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {children}
    </span>
  );
}
