import { encodeEventMessage } from "../../eventstream/encode";
import { utf8 } from "../../internal/bytes";
import type { StreamChunk } from "../modelTypes";
import { StreamFailure } from "../StreamFailure";

/** What a message on the wire is: a PayloadPart event, an exception, or an unmodeled error. */
export type MessageKind = "part" | "exception" | "error";

export interface OutgoingMessage {
  kind: MessageKind;
  bytes: Uint8Array;
}

/** The bytes of a chunk a model yields: bytes as they are, text as UTF-8. */
export function chunkBytes(chunk: StreamChunk): Uint8Array {
  if (typeof chunk === "string") return utf8(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError(`A model's stream yielded ${typeof chunk}, not bytes or a string`);
}

/** `:event-type: PayloadPart` with the part's bytes as payload. */
export function payloadPart(payload: Uint8Array): OutgoingMessage {
  const headers = {
    ":message-type": "event",
    ":event-type": "PayloadPart",
    ":content-type": "application/octet-stream",
  };
  return { kind: "part", bytes: encodeEventMessage({ headers, payload }) };
}

/** The message ending a stream whose model threw `error`. */
export function failureMessage(error: unknown): OutgoingMessage {
  const failure =
    error instanceof StreamFailure
      ? error
      : new StreamFailure("ModelStreamError", messageOf(error), "ModelError");
  if (failure.kind === "error") {
    const headers = {
      ":message-type": "error",
      ":error-code": failure.errorCode ?? "InternalError",
      ":error-message": failure.message,
    };
    return { kind: "error", bytes: encodeEventMessage({ headers, payload: new Uint8Array() }) };
  }
  const body =
    failure.kind === "ModelStreamError"
      ? { Message: failure.message, ErrorCode: failure.errorCode }
      : { Message: failure.message };
  const headers = {
    ":message-type": "exception",
    ":exception-type": failure.kind,
    ":content-type": "application/json",
  };
  const payload = utf8(JSON.stringify(body));
  return { kind: "exception", bytes: encodeEventMessage({ headers, payload }) };
}

/** One PayloadPart per chunk the model yields, pulled one at a time; an error ends the stream. */
export async function* eventMessages(
  stream: AsyncIterable<StreamChunk> | Iterable<StreamChunk>,
): AsyncGenerator<OutgoingMessage, void, undefined> {
  let failure: OutgoingMessage | undefined;
  try {
    for await (const chunk of stream) yield payloadPart(chunkBytes(chunk));
  } catch (error) {
    failure = failureMessage(error);
  }
  if (failure !== undefined) yield failure;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
