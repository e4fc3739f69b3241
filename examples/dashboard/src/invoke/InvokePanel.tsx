import type { FormEvent } from "react";
import { useState } from "react";
import type { Mode } from "../settings/settings";
import { BodyField } from "./BodyField";
import { contentTypeOf } from "./bodyKinds";
import { ContentTypeField } from "./ContentTypeField";
import { EndpointField } from "./EndpointField";
import { ImageField } from "./ImageField";
import { ResultView } from "./ResultView";
import { type InvokeForm, toRequest } from "./useInvokeForm";
import type { Invoker } from "./useInvoker";

interface Props {
  mode: Mode;
  form: InvokeForm;
  invoker: Invoker;
}

/** InvokeEndpoint: pick an endpoint and a content type, send, see the answer. */
export function InvokePanel({ mode, form, invoker }: Props) {
  const { form: state } = form;
  const [missing, setMissing] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = toRequest(state);
    if ("missing" in request) return setMissing(request.missing);
    setMissing(undefined);
    void invoker.send(request);
  };
  return (
    <div className="invoke">
      <form className="invoke-form" onSubmit={submit} aria-label="Invoke an endpoint">
        <EndpointField mode={mode} value={state.endpointName} onChange={form.setEndpoint} />
        <ContentTypeField value={state.kind} onChange={form.setKind} />
        {state.kind === "image" ? (
          <ImageField value={state.image} onChange={form.setImage} />
        ) : (
          <BodyField
            contentType={contentTypeOf(state.kind)}
            value={state.text}
            onChange={form.setText}
          />
        )}
        <div className="field">
          <label htmlFor="custom-attributes">Custom attributes</label>
          <input
            id="custom-attributes"
            value={state.customAttributes}
            onChange={(e) => form.setCustomAttributes(e.target.value)}
            placeholder="e.g. delay-ms=250"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {missing && (
          <p className="hint warning" role="alert">
            {missing}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={invoker.isPending}>
            {invoker.isPending ? "Sending…" : "Send"}
          </button>
          {invoker.isPending && (
            <button type="button" onClick={() => invoker.abort()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <ResultView invoker={invoker} />
    </div>
  );
}
