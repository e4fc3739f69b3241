import { concatBytes, utf8 } from "../../internal/bytes";
import type { ModelBodyOutput, ModelOutput } from "../modelTypes";
import { chunkBytes } from "../streaming/eventMessages";

/** A model's output with its body as bytes (a stream's chunks joined). */
export interface ResolvedOutput {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  customAttributes: string | undefined;
  newSessionId: string | undefined;
  closedSessionId: string | undefined;
}

/** Reads a streamed output to its end (its errors propagate) and encodes the body. */
export async function resolveOutput(output: ModelOutput): Promise<ResolvedOutput> {
  let body: Uint8Array<ArrayBuffer>;
  if ("stream" in output) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of output.stream) chunks.push(chunkBytes(chunk));
    body = concatBytes(chunks);
  } else {
    body = encodeModelBody(output.body);
  }
  return {
    body,
    contentType: output.contentType ?? "application/json",
    customAttributes: output.customAttributes,
    newSessionId: output.newSessionId,
    closedSessionId: output.closedSessionId,
  };
}

/** Bytes of a model's output body: bytes as they are, text as UTF-8, anything else as JSON. */
export function encodeModelBody(body: ModelBodyOutput["body"]): Uint8Array<ArrayBuffer> {
  if (typeof body === "string") return utf8(body);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  return utf8(JSON.stringify(body) ?? "");
}
