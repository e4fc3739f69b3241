import { BODY_KINDS, type BodyKind } from "./bodyKinds";

interface Props {
  value: BodyKind;
  onChange(kind: BodyKind): void;
}

/** A radio group: JSON, CSV, text or an image upload (arrow keys move between them). */
export function ContentTypeField({ value, onChange }: Props) {
  return (
    <fieldset className="field segmented">
      <legend>Content type</legend>
      {BODY_KINDS.map(({ kind, label, contentType }) => (
        <label key={kind} className={kind === value ? "segment selected" : "segment"}>
          <input
            type="radio"
            name="content-type"
            value={kind}
            checked={kind === value}
            onChange={() => onChange(kind)}
          />
          <span>{label}</span>
          <span className="visually-hidden"> ({contentType})</span>
        </label>
      ))}
    </fieldset>
  );
}
