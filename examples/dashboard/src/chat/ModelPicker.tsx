import type { ChatContainer } from "@sagefetch/core";
import type { Mode } from "../settings/settings";
import { type ChatModel, CONTAINERS } from "./chatModels";

interface Props {
  mode: Mode;
  model: ChatModel;
  disabled: boolean;
  onChange(model: ChatModel): void;
}

/**
 * The model the next message goes to: its container family (which decides the body sent and
 * the stream read) and, in AWS mode, the endpoint. In demo mode each family has an endpoint of
 * its name.
 */
export function ModelPicker({ mode, model, disabled, onChange }: Props) {
  const pick = (container: ChatContainer) =>
    onChange({ container, endpointName: mode === "demo" ? container : model.endpointName });
  return (
    <fieldset className="model-picker" disabled={disabled}>
      <legend className="visually-hidden">Model</legend>
      <div className="field">
        <label htmlFor="chat-container">Container family</label>
        <select
          id="chat-container"
          value={model.container}
          onChange={(e) => pick(e.target.value as ChatContainer)}
        >
          {CONTAINERS.map((c) => (
            <option key={c.container} value={c.container}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {mode === "aws" && (
        <div className="field">
          <label htmlFor="chat-endpoint">Chat endpoint</label>
          <input
            id="chat-endpoint"
            value={model.endpointName}
            onChange={(e) => onChange({ ...model, endpointName: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            maxLength={63}
            required
          />
        </div>
      )}
    </fieldset>
  );
}
