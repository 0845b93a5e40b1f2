// A labelled one-line text input, the form field every toolbar and form repeats.

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  /** Extra class on the label, e.g. a width. */
  readonly className?: string;
  readonly small?: boolean;
  readonly inputMode?: "numeric" | "decimal";
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  className,
  small = true,
  inputMode,
}: TextFieldProps) {
  return (
    <label className={className ? `field ${className}` : "field"}>
      <span className="field-label">{label}</span>
      <input
        className={small ? "input input-small" : "input"}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
