// Test-only: a key pair, a temporary key, and helpers to sign and tamper with requests.
import type { SecretCredentials, VerifyOptions, VerifyResult } from "../../sigv4/types";
import { verifySigV4 } from "../../sigv4/verify";
import { signRequest, TEST_DATE, type TestSignOptions } from "./signRequest";

export const KEY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
export const TEMP = {
  accessKeyId: "ASIATEMP",
  secretAccessKey: "temp-secret",
  sessionToken: "the-token",
};
const URL_ = "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-endpoint/invocations";

export const SECRETS: Record<string, SecretCredentials> = {
  [KEY.accessKeyId]: { secretAccessKey: KEY.secretAccessKey },
  [TEMP.accessKeyId]: { secretAccessKey: TEMP.secretAccessKey, sessionToken: TEMP.sessionToken },
};

export function verify(
  request: Request,
  extra: Partial<VerifyOptions> = {},
): Promise<VerifyResult> {
  return verifySigV4(request, {
    credentials: SECRETS,
    service: "sagemaker",
    region: "us-east-1",
    now: TEST_DATE,
    ...extra,
  });
}

export function sign(
  options: Partial<TestSignOptions> = {},
  body = '{"x":1}',
  headers: Record<string, string> = {},
): Promise<Request> {
  return signRequest(
    { url: URL_, body, headers: { "content-type": "application/json", ...headers } },
    { credentials: KEY, ...options },
  );
}

export function withHeader(request: Request, name: string, value: string | null): Request {
  const headers = new Headers(request.headers);
  if (value === null) headers.delete(name);
  else headers.set(name, value);
  return new Request(request.clone(), { headers });
}

export const at = (iso: string): Date => new Date(iso);
