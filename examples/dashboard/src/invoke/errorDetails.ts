import { failedStep, STEPS } from "../connection/failedStep";

/** The fields of a sagefetch error worth showing, in order, without its class at hand. */
const FIELDS = [
  "OriginalStatusCode",
  "OriginalMessage",
  "LogStreamArn",
  "ErrorCode",
  "field",
  "rule",
  "$fault",
] as const;

export interface ErrorDetails {
  name: string;
  message: string;
  /** The step of the call that failed (Cognito, relay, endpoint), when known. */
  step?: { name: string; says: string };
  fields: [string, string][];
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

/** Names the error as sagefetch typed it (`ModelError`, `ValidationError`, …) and its fields. */
export function errorDetails(error: unknown): ErrorDetails {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: [] };
  const record = error as unknown as Record<string, unknown>;
  const fields: [string, string][] = [];
  for (const key of FIELDS) {
    const value = record[key];
    if (value !== undefined && value !== null && value !== "") fields.push([key, String(value)]);
  }
  const metadata = (record.$metadata ?? {}) as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === "number" ? value : undefined);
  const step = failedStep(error);
  return {
    name: error.name,
    message: error.message,
    ...(step ? { step: STEPS[step] } : {}),
    fields,
    httpStatusCode: num(metadata.httpStatusCode),
    requestId: typeof metadata.requestId === "string" ? metadata.requestId : undefined,
    attempts: num(metadata.attempts),
  };
}

/** What the history records of a failed call. */
export function outcomeOf(error: unknown): string {
  if (error instanceof Error) return error.name === "AbortError" ? "aborted" : error.name;
  return "Error";
}
