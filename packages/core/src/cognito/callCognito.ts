import { partitionOf } from "../endpoint/partitions";
import { errorCodeOf } from "../errors/parseErrorResponse";
import { classifyError } from "../retry/classifyError";
import { StandardRetryStrategy } from "../retry/StandardRetryStrategy";
import { sleep } from "../retry/sleep";
import { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";

export interface ServiceCall {
  region: string;
  /** A custom endpoint (a mock, a VPC endpoint), else the region's. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Shared by the calls of one provider, so throttling backs off across them. */
  retries: StandardRetryStrategy;
  maxAttempts: number;
}

/**
 * Sends one unsigned request with retries (throttling, 5xx and network errors, standard
 * mode) and returns the answer's text, or throws the service's typed error.
 */
export async function sendUnsigned(
  call: ServiceCall,
  url: string,
  init: RequestInit,
  parseError: (response: Response, text: string) => CognitoIdentityServiceException,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await (call.fetch ?? globalThis.fetch)(url, init);
      const text = await response.text();
      if (response.ok) {
        call.retries.recordSuccess(undefined);
        return text;
      }
      throw parseError(response, text);
    } catch (error) {
      const decision = call.retries.decide(classifyError(error), attempt, call.maxAttempts);
      if (!decision.retry) throw error;
      await sleep(decision.delayMs, undefined, () => error as Error);
    }
  }
}

/** Calls an operation of Cognito Identity (AWS JSON 1.1; the sign-in operations are unsigned). */
export async function callCognito<T>(
  call: ServiceCall,
  operation: string,
  body: object,
): Promise<T> {
  const url =
    call.endpoint ??
    `https://cognito-identity.${call.region}.${partitionOf(call.region).dnsSuffix}/`;
  const text = await sendUnsigned(
    call,
    url,
    {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AWSCognitoIdentityService.${operation}`,
      },
      body: JSON.stringify(body),
    },
    (response, errorText) => {
      let data: Record<string, unknown> | undefined;
      try {
        data = JSON.parse(errorText) as Record<string, unknown>;
      } catch {
        // a proxy's page: named by status below
      }
      return new CognitoIdentityServiceException(
        errorCodeOf(response.headers, data) ?? `Http${response.status}`,
        String(
          data?.message ??
            data?.Message ??
            `Cognito Identity ${operation} answered ${response.status}.`,
        ),
        response.status,
        response.headers.get("x-amzn-requestid") ?? undefined,
      );
    },
  );
  return JSON.parse(text) as T;
}

/** A retry strategy of its own for a provider, so sign-in never spends the client's quota. */
export const newRetries = (): StandardRetryStrategy => new StandardRetryStrategy();
