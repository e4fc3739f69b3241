import type { InvokeEndpointCommandInput, InvokeEndpointCommandOutput } from "@sagefetch/core";
import { decodeBody } from "@sagefetch/react";

/** An answer as the Response panel shows it. */
export type Answer =
  | { kind: "decoded"; value: unknown }
  /** A JSON content type over a body that is not JSON: the body as it came, as text. */
  | { kind: "not-json"; text: string };

/**
 * `decodeBody`, but an answer that says it is JSON and is not is shown as it came rather than
 * failing the call: the call worked, the model just wrote something else.
 */
export function decodeAnswer(
  output: InvokeEndpointCommandOutput,
  input: InvokeEndpointCommandInput,
): Answer {
  try {
    return { kind: "decoded", value: decodeBody(output, input) };
  } catch {
    // decodeBody throws for one thing only: a JSON content type whose body does not parse.
    return { kind: "not-json", text: output.Body.transformToString() };
  }
}
