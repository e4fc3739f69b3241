import { APICallError } from "@ai-sdk/provider";
import { isRetryableError } from "@sagefetch/core";
import { SageMakerProviderError } from "./SageMakerProviderError";

/** What the AI SDK needs to know of the call that failed (no body: it may hold user data). */
export interface FailedCall {
  url: string;
  /** The request body's fields without the prompt: the AI SDK prints them in its errors. */
  requestBodyValues: unknown;
}

/**
 * A SageMaker failure as the AI SDK's `APICallError`, so that `generateText`/`streamText` retry
 * exactly what our retry rules retry (`isRetryable`) and callers still reach the typed sagefetch
 * error (`cause`). Aborts stay as they are: the AI SDK recognizes them by name; so do settings
 * errors, which no call could cure.
 */
export function toApiCallError(error: unknown, call: FailedCall): unknown {
  if (
    !(error instanceof Error) ||
    error.name === "AbortError" ||
    error instanceof SageMakerProviderError ||
    APICallError.isInstance(error)
  ) {
    return error;
  }
  const metadata = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } })
    .$metadata;
  return new APICallError({
    message: `${error.name}: ${error.message}`,
    url: call.url,
    requestBodyValues: call.requestBodyValues,
    statusCode: metadata?.httpStatusCode,
    isRetryable: isRetryableError(error),
    cause: error,
    data: { name: error.name, requestId: metadata?.requestId },
  });
}
