import type { AwsCredentialIdentity } from "../credentials/types";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./canonicalRequest";
import { hex } from "./hex";
import { payloadHash } from "./payloadHash";
import { hmacSha256, sha256 } from "./sha256";
import { preparedSigningKey } from "./signingKey";

/*
 * AWS Signature Version 4, for one request.
 *
 * Why our own and not `@smithy/signature-v4`: that signer costs 5.0 KiB gzip in a browser
 * bundle (presigning, event-stream and chunk signing, header formatters come with it), 41%
 * of our invoke-only budget; this one is about 1 KiB. It is checked against the official
 * SigV4 suite, against `@smithy/signature-v4` itself (the differential tests run the AWS SDK
 * and verify our signatures with smithy's signer), and by the mock's independent verifier.
 * See decisions/0001-own-sigv4-signer.md.
 */

export { hex };

const ALGORITHM = "AWS4-HMAC-SHA256";
const encoder = /* @__PURE__ */ new TextEncoder();
const EMPTY = /* @__PURE__ */ new Uint8Array(0);

export interface SigningParams {
  credentials: AwsCredentialIdentity;
  region: string;
  service: string;
  date: Date;
  /** Send and sign `x-amz-content-sha256`, as the AWS SDK does. @default true */
  contentSha256?: boolean;
}

// The last second formatted, and its text: calls in the same second format it once.
let lastSecond = Number.NaN;
let lastAmzDate = "";

/** `20261124T120000Z`: the ISO time without separators or milliseconds. */
function amzDateOf(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    const iso = date.toISOString();
    lastAmzDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    lastSecond = second;
  }
  return lastAmzDate;
}

// The canonical request and the string to sign are hashed as soon as they are encoded: one
// buffer, grown when needed, saves allocating two ArrayBuffers per request (costly in browsers).
let scratch = new Uint8Array(2048);

/** `text` as UTF-8, in a view that the next call overwrites. */
function encodedOnce(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/**
 * Signs a request and returns the headers to send: the given ones plus `x-amz-date`,
 * `x-amz-security-token`, `x-amz-content-sha256` and `authorization`. `host` is signed but
 * not returned: browsers forbid setting it, and fetch sends the same value, from the URL.
 */
export async function signRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  { credentials, region, service, date, contentSha256 = true }: SigningParams,
): Promise<Record<string, string>> {
  const amzDate = amzDateOf(date);
  const day = amzDate.slice(0, 8);
  const out: Record<string, string> = { ...headers, "x-amz-date": amzDate };
  if (credentials.sessionToken) out["x-amz-security-token"] = credentials.sessionToken;
  const bodyHash = await payloadHash(body ?? EMPTY);
  if (contentSha256) out["x-amz-content-sha256"] = bodyHash;
  const { names, block } = canonicalHeaders(out, url.host);
  // url.searchParams would build a URLSearchParams on every call; most requests have no query.
  const query = url.search === "" ? "" : canonicalQuery(url.searchParams);
  const request = `${method}\n${canonicalPath(url.pathname)}\n${query}\n${block}\n${names}\n${bodyHash}`;
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${hex(sha256(encodedOnce(request)))}`;
  const key = preparedSigningKey(credentials, day, region, service);
  const signature = hex(hmacSha256(key, encodedOnce(stringToSign)));
  out.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`;
  return out;
}
