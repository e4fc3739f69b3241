interface Props {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  placeholder?: string;
  onChange(value: string): void;
}

/** A labelled text input with its hint and error, both announced with it. */
export function SettingsField({ id, label, value, error, hint, placeholder, onChange }: Props) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="hint warning">
          {error}
        </p>
      )}
    </div>
  );
}
