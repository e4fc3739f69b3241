// Test-only: signed InvokeEndpoint requests, as a SageMaker Runtime client would send them.
import { signRequest, TEST_DATE, type TestCredentials, type TestSignOptions } from "./signRequest";

export const RUNTIME_URL = "https://runtime.sagemaker.us-east-1.amazonaws.com";

export const DEMO_KEY: TestCredentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export interface InvokeOptions extends Partial<TestSignOptions> {
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Default: RUNTIME_URL. */
  baseUrl?: string;
  /** Path segment after the endpoint name. Default: `invocations`. */
  action?: string;
}

export function signedInvoke(endpointName: string, options: InvokeOptions = {}): Promise<Request> {
  const {
    body = '{"inputs":"hi"}',
    headers,
    baseUrl = RUNTIME_URL,
    action = "invocations",
  } = options;
  const url = `${baseUrl}/endpoints/${encodeURIComponent(endpointName)}/${action}`;
  return signRequest(
    { url, body, headers: { "content-type": "application/json", ...headers } },
    { credentials: DEMO_KEY, date: TEST_DATE, ...options },
  );
}

/** Sends a signed InvokeEndpoint request through the (mocked) global fetch. */
export async function invoke(endpointName: string, options: InvokeOptions = {}): Promise<Response> {
  return fetch(await signedInvoke(endpointName, options));
}

export { TEST_DATE };

/** The path segment of InvokeEndpointWithResponseStream. */
export const STREAM_ACTION = "invocations-response-stream";
/** The path segment of InvokeEndpointAsync. */
export const ASYNC_ACTION = "async-invocations";
