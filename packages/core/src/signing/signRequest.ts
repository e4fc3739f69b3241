import type { AwsCredentialIdentity } from "../credentials/types";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./canonicalRequest";
import { hmacSha256, sha256 } from "./sha256";
import { signingKey } from "./signingKey";

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

const ALGORITHM = "AWS4-HMAC-SHA256";
const encoder = /* @__PURE__ */ new TextEncoder();
const EMPTY = /* @__PURE__ */ new Uint8Array(0);
/** Above this size `crypto.subtle` (native) beats its own per-call cost. */
const NATIVE_FROM_BYTES = 16 * 1024;

// Two hex digits per byte value, made on first use: a lookup per byte is several times
// faster than formatting each one (four hex strings per signed request).
let HEX: string[] | undefined;

export function hex(bytes: Uint8Array): string {
  HEX ??= Array.from({ length: 256 }, (_, b) => (b + 256).toString(16).slice(1));
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
}

export interface SigningParams {
  credentials: AwsCredentialIdentity;
  region: string;
  service: string;
  date: Date;
  /** Send and sign `x-amz-content-sha256`, as the AWS SDK does. @default true */
  contentSha256?: boolean;
}

/** SHA-256 of the payload: JavaScript for small ones, `crypto.subtle` for large ones. */
async function payloadHash(body: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle && body.length >= NATIVE_FROM_BYTES) {
    return hex(new Uint8Array(await subtle.digest("SHA-256", body as BufferSource)));
  }
  return hex(sha256(body));
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
  const amzDate = date.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const out: Record<string, string> = { ...headers, "x-amz-date": amzDate };
  if (credentials.sessionToken) out["x-amz-security-token"] = credentials.sessionToken;
  const bodyHash = await payloadHash(body ?? EMPTY);
  if (contentSha256) out["x-amz-content-sha256"] = bodyHash;
  const { names, block } = canonicalHeaders({ ...out, host: url.host });
  const request = [
    method,
    canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    block,
    names,
    bodyHash,
  ].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${hex(sha256(encoder.encode(request)))}`;
  const key = signingKey(credentials, day, region, service);
  const signature = hex(hmacSha256(key, encoder.encode(stringToSign)));
  out.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`;
  return out;
}
