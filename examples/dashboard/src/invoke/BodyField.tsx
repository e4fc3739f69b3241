import { useId } from "react";

interface Props {
  contentType: string;
  value: string;
  onChange(text: string): void;
}

function jsonProblem(contentType: string, text: string): string | undefined {
  if (contentType !== "application/json" || text.trim() === "") return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return "This is not valid JSON; it is sent as written.";
  }
}

/** The request body as text, with a warning for JSON that does not parse. */
export function BodyField({ contentType, value, onChange }: Props) {
  const hintId = useId();
  const problem = jsonProblem(contentType, value);
  return (
    <div className="field">
      <label htmlFor="body">
        Body <span className="muted">({contentType})</span>
      </label>
      <textarea
        id="body"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        spellCheck={false}
        aria-describedby={problem ? hintId : undefined}
        aria-invalid={problem ? true : undefined}
      />
      {problem && (
        <p id={hintId} className="hint warning">
          {problem}
        </p>
      )}
    </div>
  );
}
