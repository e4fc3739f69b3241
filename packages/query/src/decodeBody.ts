import type { InvokeEndpointCommandInput, InvokeEndpointCommandOutput } from "@sagefetch/core";

// `application/json`, `application/problem+json`, `text/json`, ... (not JSON Lines: many values).
const JSON_TYPE = /^[^;]*[/+]json\s*(?:;|$)/i;
// Text a UI shows as is: `text/*`, CSV and JSON Lines (one record a line), XML.
const TEXT_TYPE = /^\s*(?:text\/|application\/(?:csv|jsonl|jsonlines|x-ndjson|ndjson|xml)\b)/i;

/**
 * The hooks' default decoder, by the answer's `ContentType`: JSON types are parsed (an empty
 * body is `undefined`), `text/*`, CSV and JSON Lines are read as UTF-8 text, and anything else
 * (images, tensors, `application/octet-stream`) stays bytes (the output's `Uint8Array` Body).
 * @example decodeBody(output) // [{ label: "POSITIVE", score: 0.98 }]
 */
export function decodeBody(
  output: InvokeEndpointCommandOutput,
  input?: Pick<InvokeEndpointCommandInput, "EndpointName">,
): unknown {
  const type = output.ContentType ?? "";
  if (JSON_TYPE.test(type)) {
    const text = output.Body.transformToString();
    if (!text.trim()) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the body: it is not passed on.
      throw new TypeError(
        `InvokeEndpoint on endpoint "${input?.EndpointName}": the ${type} answer is not valid JSON (pass a decode option).`,
      );
    }
  }
  return TEXT_TYPE.test(type) ? output.Body.transformToString() : output.Body;
}
