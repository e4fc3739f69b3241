/** Errors in SageMaker Runtime's model: their JSON body says `Message`, not `message`. */
const MODELED = new Set([
  "ModelError",
  "ModelNotReadyException",
  "InternalFailure",
  "ServiceUnavailable",
  "InternalDependencyException",
  "ModelStreamError",
  "InternalStreamFailure",
]);

export function messageKey(code: string | undefined): "Message" | "message" {
  return code !== undefined && MODELED.has(code) ? "Message" : "message";
}

/** The code SageMaker answers a status with; 502 and 504 come from a proxy, with none. */
const CODE_FOR_STATUS = new Map<number, string>([
  [429, "ModelNotReadyException"],
  [500, "InternalFailure"],
  [503, "ServiceUnavailable"],
  [530, "InternalDependencyException"],
]);

export function codeForStatus(status: number): string | undefined {
  return CODE_FOR_STATUS.get(status);
}

const DEFAULT_MESSAGES = new Map<string, string>([
  ["ThrottlingException", "Rate exceeded"],
  ["ModelNotReadyException", "Model is not ready to serve inference requests. Retry the request."],
  ["InternalFailure", "An internal error occurred while processing the request."],
  ["ServiceUnavailable", "The service is unavailable. Try again later."],
  ["InternalDependencyException", "An internal dependency failed. Try again later."],
]);

const STATUS_TEXT = new Map<number, string>([
  [400, "Bad Request"],
  [403, "Forbidden"],
  [404, "Not Found"],
  [413, "Request Entity Too Large"],
  [429, "Too Many Requests"],
  [500, "Internal Server Error"],
  [502, "Bad Gateway"],
  [503, "Service Unavailable"],
  [504, "Gateway Timeout"],
]);

export function statusText(status: number): string {
  return STATUS_TEXT.get(status) ?? "Error";
}

export function defaultMessage(code: string | undefined, status: number): string {
  return (code !== undefined ? DEFAULT_MESSAGES.get(code) : undefined) ?? statusText(status);
}
