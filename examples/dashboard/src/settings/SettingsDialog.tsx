import { type FormEvent, useEffect, useRef, useState } from "react";
import { SettingsField } from "./SettingsField";
import type { Mode, Settings } from "./settings";
import { validateSettings } from "./validateSettings";

interface Props {
  open: boolean;
  settings: Settings;
  onSave(settings: Settings): void;
  onClose(): void;
}

/** Demo mode, or a real account: region, Cognito Identity Pool and relay (kept in localStorage). */
export function SettingsDialog({ open, settings, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(settings);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft(settings);
      setTried(false);
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open, settings]);
  const errors = tried ? validateSettings(draft) : {};
  const set = (patch: Partial<Settings>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(validateSettings(draft)).length > 0) return;
    onSave(draft);
  };
  const mode = (value: Mode, label: string) => (
    <label className="choice">
      <input
        type="radio"
        name="mode"
        value={value}
        checked={draft.mode === value}
        onChange={() => set({ mode: value })}
      />
      {label}
    </label>
  );
  return (
    <dialog ref={dialog} aria-labelledby="settings-heading" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="settings-heading">Settings</h2>
        <fieldset className="field">
          <legend>Send calls to</legend>
          {mode("demo", "Demo endpoints (mock service in this page, no AWS account)")}
          {mode("aws", "My AWS account")}
        </fieldset>
        {draft.mode === "aws" && (
          <>
            <SettingsField
              id="region"
              label="Region"
              value={draft.region}
              error={errors.region}
              onChange={(region) => set({ region })}
            />
            <SettingsField
              id="identity-pool-id"
              label="Cognito Identity Pool id"
              value={draft.identityPoolId}
              error={errors.identityPoolId}
              placeholder="us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
              onChange={(identityPoolId) => set({ identityPoolId })}
            />
            <SettingsField
              id="relay-url"
              label="Relay URL"
              value={draft.relayUrl}
              error={errors.relayUrl}
              placeholder="https://relay.example.com"
              hint="A @sagefetch/relay: it forwards signed requests and adds CORS. It holds no secret."
              onChange={(relayUrl) => set({ relayUrl })}
            />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
