// Test-only: signed SageMaker Runtime requests, as a client would send them. Signed with smithy's
// SigV4 signer (the AWS SDK's own), so that the emulator is judged by a signer we did not write.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

export const RUNTIME_URL = "https://runtime.sagemaker.us-east-1.amazonaws.com";

export const DEMO_KEY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
} as const;

export const TEST_DATE: Date = new Date("2026-11-24T12:00:00Z");

/** The path segment of InvokeEndpointWithResponseStream. */
export const STREAM_ACTION = "invocations-response-stream";

export interface InvokeOptions {
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Default: RUNTIME_URL. */
  baseUrl?: string;
  /** Path segment after the endpoint name. Default: `invocations`. */
  action?: string;
  /** The signing time. Default: TEST_DATE. */
  date?: Date;
  /** Default: DEMO_KEY. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export async function signedInvoke(
  endpointName: string,
  options: InvokeOptions = {},
): Promise<Request> {
  const {
    body = '{"inputs":"hi"}',
    headers,
    baseUrl = RUNTIME_URL,
    action = "invocations",
    date = TEST_DATE,
    credentials = DEMO_KEY,
  } = options;
  const url = new URL(`${baseUrl}/endpoints/${encodeURIComponent(endpointName)}/${action}`);
  const signer = new SignatureV4({
    service: "sagemaker",
    region: "us-east-1",
    credentials,
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port === "" ? undefined : Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, "content-type": "application/json", ...headers },
      body,
    },
    { signingDate: date },
  );
  return new Request(url, { method: "POST", headers: signed.headers, body });
}

/** Sends a signed InvokeEndpoint request through the global fetch (MSW's, when it is on). */
export async function invoke(endpointName: string, options: InvokeOptions = {}): Promise<Response> {
  return fetch(await signedInvoke(endpointName, options));
}
