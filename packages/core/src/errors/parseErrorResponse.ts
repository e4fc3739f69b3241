import { metadataOf } from "../http/metadataOf";
import {
  InternalDependencyException,
  InternalFailure,
  ModelError,
  ModelNotReadyException,
  ServiceUnavailable,
  ValidationError,
} from "./modeledErrors";
import {
  type ModeledErrorOptions,
  SageMakerRuntimeServiceException,
} from "./SageMakerRuntimeServiceException";

type ModeledConstructor = new (options: ModeledErrorOptions) => SageMakerRuntimeServiceException;

const MODELED: Record<string, ModeledConstructor> = {
  ValidationError,
  ModelError,
  ModelNotReadyException,
  InternalFailure,
  ServiceUnavailable,
  InternalDependencyException,
};

/** restJson1's error code: keep what is before `,`, then before `:`, then what is after `#`. */
export function sanitizeErrorCode(raw: unknown): string {
  let code = String(raw);
  code = code.split(",")[0] as string;
  code = code.split(":")[0] as string;
  if (code.includes("#")) code = code.split("#")[1] as string;
  return code;
}

/** The error code of a restJson1 answer: `x-amzn-ErrorType`, else body `code` (any case), else `__type`. */
export function errorCodeOf(
  headers: Headers,
  data: Record<string, unknown> | undefined,
): string | undefined {
  const header = headers.get("x-amzn-errortype");
  if (header !== null) return sanitizeErrorCode(header);
  if (data) {
    const codeKey = Object.keys(data).find((key) => key.toLowerCase() === "code");
    if (codeKey !== undefined && data[codeKey] !== undefined)
      return sanitizeErrorCode(data[codeKey]);
    if (data.__type !== undefined) return sanitizeErrorCode(data.__type);
  }
  return undefined;
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Turns an error answer into the typed error the AWS SDK would throw. An answer that is not
 * JSON (an HTML page from a proxy or load balancer) becomes a typed error too, never a bare
 * `SyntaxError`.
 */
export function parseErrorResponse(
  response: Response,
  body: Uint8Array,
  where: string,
): SageMakerRuntimeServiceException {
  const $metadata = metadataOf(response);
  const text = decoder.decode(body);
  let data: Record<string, unknown> | undefined;
  let isJson = text.trim() === "";
  if (!isJson) {
    try {
      const parsed: unknown = JSON.parse(text);
      isJson = true;
      if (parsed && typeof parsed === "object") data = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: described below.
    }
  }
  const code = errorCodeOf(response.headers, data);
  const status = response.status;
  if (!isJson) {
    const type = response.headers.get("content-type")?.split(";")[0] ?? "no content type";
    return new SageMakerRuntimeServiceException({
      name: code ?? String(status),
      $fault: status >= 500 ? "server" : "client",
      $metadata,
      // Most often a proxy, load balancer or firewall answered instead of the service.
      message: `${where}: non-JSON ${status} answer (${type}), not from SageMaker Runtime?`,
    });
  }
  const message = (data?.message ?? data?.Message) as string | undefined;
  const Ctor = code === undefined ? undefined : MODELED[code];
  const fields = { ...data, $metadata, message: message ?? "UnknownError" };
  const error = Ctor
    ? new Ctor(fields)
    : new SageMakerRuntimeServiceException({
        ...fields,
        name: code ?? "Unknown",
        $fault: status < 500 ? "client" : "server",
      });
  // As the AWS SDK does: every other field of the body lands on the error (a ModelError's
  // ErrorCode, say), but never over one it has — which also keeps `__proto__` out.
  const target = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(data ?? {})) {
    if (
      key !== "Message" &&
      value !== undefined &&
      (target[key] === undefined || target[key] === "")
    ) {
      target[key] = value;
    }
  }
  return error;
}
