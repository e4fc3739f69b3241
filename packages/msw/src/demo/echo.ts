import type { ModelFn } from "../handlers/modelTypes";

/**
 * Returns the body as sent, with its content type and custom attributes. Streamed, the bytes
 * come in `parts` PayloadParts of about equal size, cut at byte offsets (so a UTF-8 character
 * can straddle two parts, as it may from a real model).
 */
export function echoModel(parts = 3): ModelFn {
  return (request) => {
    const common = {
      contentType: request.contentType ?? "application/octet-stream",
      ...(request.customAttributes === undefined
        ? {}
        : { customAttributes: request.customAttributes }),
    };
    if (request.operation !== "InvokeEndpointWithResponseStream") {
      return { body: request.body, ...common };
    }
    const { body } = request;
    const size = Math.max(1, Math.ceil(body.length / parts));
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < body.length; at += size) chunks.push(body.slice(at, at + size));
    return { stream: chunks, ...common };
  };
}
