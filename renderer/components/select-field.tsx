import type { ReactNode } from 'react';

interface SelectFieldProps {
  /** The field's label, above the list. */
  label: string;
  value: string;
  choices: readonly string[];
  onChange(value: string): void;
  testId: string;
  /** A first choice meaning "none" or "any", in words; its value is ''. */
  none?: string;
  /** What a choice shows (default: the choice as it is). */
  labelOf?(choice: string): ReactNode;
}

/** A labelled drop-down of plain choices, as every view's controls row draws it. */
export function SelectField({ label, value, choices, onChange, testId, none, labelOf }: SelectFieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf ? labelOf(choice) : choice}
          </option>
        ))}
      </select>
    </label>
  );
}
