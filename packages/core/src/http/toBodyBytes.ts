import { MAX_BODY_BYTES } from "../protocol/fields";
import { invalid } from "../validate/validateFields";

/** What `Body` may be, as in the AWS SDK's browser build. */
export type BodyInput = string | Uint8Array | ArrayBufferView | ArrayBuffer | Blob;

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Turns any accepted `Body` into bytes. The whole body is needed anyway: SigV4 signs its
 * SHA-256, and a retry must send it again.
 */
export async function toBodyBytes(
  operation: string,
  body: unknown,
  required: boolean,
): Promise<Uint8Array | undefined> {
  let bytes: Uint8Array;
  if (body === undefined || body === null) {
    if (required) invalid(operation, "Body", "required", "is required");
    return undefined;
  } else if (typeof body === "string") {
    bytes = encoder.encode(body);
  } else if (body instanceof Uint8Array) {
    bytes = body;
  } else if (ArrayBuffer.isView(body)) {
    bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  } else if (body instanceof ArrayBuffer) {
    bytes = new Uint8Array(body);
  } else if (typeof Blob !== "undefined" && body instanceof Blob) {
    if (body.size > MAX_BODY_BYTES) tooLarge(operation, body.size);
    bytes = new Uint8Array(await body.arrayBuffer());
  } else {
    // A ReadableStream lands here too: SigV4 needs the whole body to sign it.
    invalid(
      operation,
      "Body",
      "type",
      `must be a string, Uint8Array, ArrayBufferView, ArrayBuffer or Blob, got ${describeType(body)}`,
    );
  }
  if (bytes.byteLength > MAX_BODY_BYTES) tooLarge(operation, bytes.byteLength);
  return bytes;
}

function tooLarge(operation: string, size: number): never {
  return invalid(
    operation,
    "Body",
    "maxBytes",
    `must be at most ${MAX_BODY_BYTES} bytes (6 MiB), got ${size} bytes`,
  );
}

function describeType(value: unknown): string {
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "object";
}
