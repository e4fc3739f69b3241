import type { Mode } from "../settings/settings";
import { DEMO_ENDPOINTS, sampleFor } from "./demoEndpoints";

interface Props {
  mode: Mode;
  value: string;
  onChange(endpointName: string): void;
}

/** Demo mode: the demo endpoints to pick from. AWS mode: any endpoint name. */
export function EndpointField({ mode, value, onChange }: Props) {
  const hint = mode === "demo" ? sampleFor(value)?.description : undefined;
  return (
    <div className="field">
      <label htmlFor="endpoint">Endpoint</label>
      {mode === "demo" ? (
        <select
          id="endpoint"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby="endpoint-hint"
        >
          {DEMO_ENDPOINTS.map((e) => (
            <option key={e.name} value={e.name}>
              {e.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id="endpoint"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          pattern="^[a-zA-Z0-9](-*[a-zA-Z0-9])*$"
          maxLength={63}
          required
        />
      )}
      {hint && (
        <p id="endpoint-hint" className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
