import { errorCodeOf } from "../errors/parseErrorResponse";
import { partitionOf } from "../protocol/partitions";
import { retryLoop } from "../retry/retryLoop";
import { StandardRetryStrategy } from "../retry/StandardRetryStrategy";
import { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";

/** How a provider reaches Cognito Identity and STS. */
export interface ServiceCall {
  region: string;
  /** A custom endpoint (a mock, a VPC endpoint), else the region's. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Shared by the calls of one provider, so throttling backs off across them. */
  retries: StandardRetryStrategy;
  maxAttempts: number;
  /** Milliseconds one attempt may take (0: no limit). */
  requestTimeout: number;
}

/** One request of a provider call: its URL and body, and how to read an error answer. */
export interface UnsignedRequest {
  /** e.g. `Cognito Identity GetId`, for messages. */
  describe: string;
  url: string;
  init: RequestInit;
  parseError: (response: Response, text: string) => CognitoIdentityServiceException;
}

/**
 * Sends one unsigned request with the client's retry loop (throttling, 5xx and network
 * errors, standard mode; `requestTimeout` per attempt; `signal` ends it at once) and returns
 * the answer's text, or throws the service's typed error.
 */
export async function sendUnsigned(
  call: ServiceCall,
  request: UnsignedRequest,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { value } = await retryLoop(
    {
      strategy: call.retries,
      maxAttempts: call.maxAttempts,
      signal,
      timeoutMs: call.requestTimeout,
      describe: request.describe,
    },
    async (_n, attemptSignal) => {
      const response = await (call.fetch ?? globalThis.fetch)(request.url, {
        ...request.init,
        signal: attemptSignal,
      });
      const text = await response.text();
      return response.ok
        ? { ok: true, value: text }
        : { ok: false, error: request.parseError(response, text) };
    },
  );
  return value;
}

/** Calls an operation of Cognito Identity (AWS JSON 1.1; the sign-in operations are unsigned). */
export async function callCognito<T>(
  call: ServiceCall,
  operation: string,
  body: object,
  signal: AbortSignal | undefined,
): Promise<T> {
  const describe = `Cognito Identity ${operation}`;
  const text = await sendUnsigned(
    call,
    {
      describe,
      url:
        call.endpoint ??
        `https://cognito-identity.${call.region}.${partitionOf(call.region).dnsSuffix}/`,
      init: {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `AWSCognitoIdentityService.${operation}`,
        },
        body: JSON.stringify(body),
      },
      parseError: (response, errorText) => {
        let data: Record<string, unknown> | undefined;
        try {
          data = JSON.parse(errorText) as Record<string, unknown>;
        } catch {
          // a proxy's page: no code, `Unknown` below
        }
        return new CognitoIdentityServiceException({
          // The AWS SDK's name for an answer without a code.
          name: errorCodeOf(response.headers, data) ?? "Unknown",
          message: String(
            data?.message ?? data?.Message ?? `${describe} answered ${response.status}.`,
          ),
          status: response.status,
          requestId: response.headers.get("x-amzn-requestid") ?? undefined,
        });
      },
    },
    signal,
  );
  return JSON.parse(text) as T;
}

/** A retry strategy of its own for a provider, so sign-in never spends the client's quota. */
export const newRetries = (): StandardRetryStrategy => new StandardRetryStrategy();
