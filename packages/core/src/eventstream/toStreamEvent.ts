import { InternalStreamFailure, ModelStreamError } from "../errors/modeledErrors";
import {
  type ResponseMetadata,
  SageMakerRuntimeServiceException,
} from "../errors/SageMakerRuntimeServiceException";
import type { EventStreamMessage } from "./EventStreamDecoder";
import { EventStreamError } from "./EventStreamError";

/** A part of the model's answer, as the AWS SDK names it. */
export interface PayloadPart {
  Bytes?: Uint8Array;
}

/** What the response stream yields: `{ PayloadPart: { Bytes } }`, as in the AWS SDK. */
export interface ResponseStreamEvent {
  PayloadPart: PayloadPart;
}

const utf8 = /* @__PURE__ */ new TextDecoder();

function jsonOf(payload: Uint8Array): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(utf8.decode(payload));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A message as the caller sees it: a part, or the typed error the stream ended with (thrown
 * from the iterator, as the AWS SDK does). Unknown event types give `undefined` (skipped); a
 * message without `:message-type` is an `EventStreamError`.
 */
export function toStreamEvent(
  message: EventStreamMessage,
  $metadata: ResponseMetadata,
): ResponseStreamEvent | undefined {
  const { headers, payload } = message;
  const type = headers[":message-type"];
  if (type === "event") {
    return headers[":event-type"] === "PayloadPart"
      ? { PayloadPart: { Bytes: payload } }
      : undefined;
  }
  if (type === "exception") {
    const body = jsonOf(payload);
    const fields = {
      ...body,
      $metadata,
      message: (body.Message ?? body.message ?? "UnknownError") as string,
    };
    const kind = headers[":exception-type"];
    const error =
      kind === "ModelStreamError"
        ? new ModelStreamError(fields)
        : kind === "InternalStreamFailure"
          ? new InternalStreamFailure(fields)
          : new SageMakerRuntimeServiceException({
              ...fields,
              name: String(kind ?? "Unknown"),
              $fault: "client",
            });
    // As the AWS SDK does for stream exceptions (unlike HTTP errors): `Message` stays.
    if (typeof body.Message === "string") error.Message = body.Message;
    throw error;
  }
  if (type === undefined) {
    // As smithy's event-stream protocol tests: a message must say what it is.
    throw new EventStreamError({
      fault: "headers",
      message: "An event-stream message has no :message-type header: the stream is malformed.",
    });
  }
  if (type === "error") {
    throw new SageMakerRuntimeServiceException({
      name: String(headers[":error-code"] ?? "UnknownError"),
      $fault: "server",
      $metadata,
      message: String(headers[":error-message"] ?? "UnknownError"),
    });
  }
  return undefined;
}
