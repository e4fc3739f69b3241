import { useCallback, useState } from "react";
import type { InvokeRequest } from "../history/callRecord";
import { type BodyKind, contentTypeOf, kindOf } from "./bodyKinds";
import { sampleBody, sampleFor } from "./demoEndpoints";

export interface ImageFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface InvokeFormState {
  endpointName: string;
  kind: BodyKind;
  text: string;
  image: ImageFile | undefined;
  customAttributes: string;
}

function initial(endpointName: string): InvokeFormState {
  const sample = sampleFor(endpointName);
  const kind = sample?.kind ?? "json";
  return {
    endpointName,
    kind,
    text: sampleBody(endpointName, kind),
    image: undefined,
    customAttributes: sample?.customAttributes ?? "",
  };
}

/** The request a form describes, or what is missing. */
export function toRequest(form: InvokeFormState): InvokeRequest | { missing: string } {
  if (!form.endpointName.trim()) return { missing: "Name an endpoint." };
  const customAttributes = form.customAttributes.trim() || undefined;
  const common = { endpointName: form.endpointName.trim(), customAttributes };
  if (form.kind === "image") {
    if (!form.image) return { missing: "Choose an image to send." };
    const { bytes, name, type } = form.image;
    return {
      ...common,
      contentType: type || "application/octet-stream",
      body: bytes,
      fileName: name,
    };
  }
  return { ...common, contentType: contentTypeOf(form.kind), body: form.text };
}

/** The invoke form: picking an endpoint or a content type starts from its sample body. */
export function useInvokeForm(firstEndpoint = "echo") {
  const [form, setForm] = useState(() => initial(firstEndpoint));
  const setEndpoint = useCallback((endpointName: string) => {
    setForm((f) => {
      if (f.endpointName === endpointName) return f;
      return sampleFor(endpointName) ? initial(endpointName) : { ...f, endpointName };
    });
  }, []);
  const setKind = useCallback((kind: BodyKind) => {
    setForm((f) => ({ ...f, kind, text: sampleBody(f.endpointName, kind) || f.text }));
  }, []);
  const setText = useCallback((text: string) => setForm((f) => ({ ...f, text })), []);
  const setImage = useCallback(
    (image: ImageFile | undefined) => setForm((f) => ({ ...f, image })),
    [],
  );
  const setCustomAttributes = useCallback(
    (customAttributes: string) => setForm((f) => ({ ...f, customAttributes })),
    [],
  );
  /** Shows a request again (a replay from the history). */
  const load = useCallback((request: InvokeRequest) => {
    const kind = kindOf(request.contentType);
    setForm({
      endpointName: request.endpointName,
      kind,
      text: typeof request.body === "string" ? request.body : "",
      image:
        typeof request.body === "string"
          ? undefined
          : { name: request.fileName ?? "upload", type: request.contentType, bytes: request.body },
      customAttributes: request.customAttributes ?? "",
    });
  }, []);
  return { form, setEndpoint, setKind, setText, setImage, setCustomAttributes, load };
}

export type InvokeForm = ReturnType<typeof useInvokeForm>;
