// Test-only SigV4 signer: the inverse of ../../sigv4/verify.ts, used to build requests the
// handlers must accept (and, by tampering with them afterwards, requests they must refuse).
import { canonicalRequest } from "../../sigv4/canonical";
import { computeSignature, scopeString, stringToSign } from "../../sigv4/signature";
import { formatAmzDate } from "../amzDate";
import { utf8 } from "../bytes";
import { sha256Hex } from "../crypto";

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface TestSignOptions {
  credentials: TestCredentials;
  region?: string;
  service?: string;
  date?: Date;
  /** Sign exactly these (lowercase) header names instead of all of them. */
  signedHeaders?: string[];
  /** Add `x-amz-content-sha256` (true: the body's hash; a string: that value). */
  contentSha256?: boolean | string;
  /** Add `x-amz-security-token` after signing rather than signing it. */
  tokenAfterSigning?: boolean;
}

export const TEST_DATE: Date = new Date("2026-11-24T12:00:00Z");

export async function signRequest(input: TestRequest, options: TestSignOptions): Promise<Request> {
  const url = new URL(input.url);
  const method = input.method ?? "POST";
  const body = typeof input.body === "string" ? utf8(input.body) : (input.body ?? new Uint8Array());
  const date = options.date ?? TEST_DATE;
  const amzDate = formatAmzDate(date);
  const headers = new Headers(input.headers);
  headers.set("x-amz-date", amzDate);
  const bodyHash = await sha256Hex(body);
  if (options.contentSha256 !== undefined && options.contentSha256 !== false) {
    const value = options.contentSha256 === true ? bodyHash : options.contentSha256;
    headers.set("x-amz-content-sha256", value);
  }
  const token = options.credentials.sessionToken;
  if (token !== undefined && !options.tokenAfterSigning) headers.set("x-amz-security-token", token);
  const signedHeaders = options.signedHeaders ?? [...new Set(["host", ...headers.keys()])].sort();
  const scope = {
    date: amzDate.slice(0, 8),
    region: options.region ?? "us-east-1",
    service: options.service ?? "sagemaker",
  };
  const creq = canonicalRequest({
    method,
    url,
    signedHeaders,
    headerValue: (name) =>
      headers.get(name) ??
      (name === "host" ? url.host : name === "content-length" ? String(body.byteLength) : ""),
    payloadHash: headers.get("x-amz-content-sha256") ?? bodyHash,
  });
  const signature = await computeSignature(
    options.credentials.secretAccessKey,
    scope,
    await stringToSign(amzDate, scope, creq),
  );
  if (token !== undefined && options.tokenAfterSigning) headers.set("x-amz-security-token", token);
  headers.set(
    "authorization",
    `AWS4-HMAC-SHA256 Credential=${options.credentials.accessKeyId}/${scopeString(scope)}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
  );
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, { method, headers, body: hasBody ? body : null });
}
