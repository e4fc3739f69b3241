import type { CredentialStore } from "../credentials/CredentialStore";
import { parseAmzDate } from "../internal/amzDate";
import { timingSafeEqual } from "../internal/bytes";
import { canonicalQuery } from "../sigv4/canonical";
import { computeSignature, type Scope, stringToSign } from "../sigv4/signature";

// The mock's own copy of the token's wire facts (it judges the client, so it shares no code).
const PREFIX = "sagemaker-api-key-";
const HOST = "sagemaker.amazonaws.com";
const VERSION = "&Version=1";
const MAX_LIFETIME_SECONDS = 43_200;
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const FIVE_MINUTES = 5 * 60_000;

export type BearerTokenCheck =
  | { ok: true; accessKeyId: string; region: string; expiresAt: Date }
  | { ok: false; status: 401 | 403; code: string; message: string };

export interface BearerTokenContext {
  credentials: CredentialStore;
  /** The region the route is served in: a token scoped to another one is refused (any if undefined). */
  region: string | undefined;
  now: Date;
}

const refuse = (status: 401 | 403, code: string, message: string): BearerTokenCheck => ({
  ok: false,
  status,
  code,
  message,
});
const invalid = (why: string) =>
  refuse(401, "invalid_api_key", `The bearer token is not valid: ${why}.`);

/** The presigned URL inside a token, or undefined if it is not one (bad prefix or Base64). */
function presignedUrl(token: string): URL | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  let text: string;
  try {
    text = atob(token.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (!text.startsWith(`${HOST}/?`) || !text.endsWith(VERSION)) return undefined;
  try {
    return new URL(`https://${text.slice(0, -VERSION.length)}`);
  } catch {
    return undefined;
  }
}

/**
 * Checks a bearer token of the OpenAI-compatible route as the service would: its prefix and
 * `Version=1`, that it presigns `POST /?Action=CallWithBearerToken` on the global host with
 * SigV4 (host signed, empty payload), the credentials it names (known, session token, not
 * expired), the region of its scope, its lifetime, and the signature itself. Never quotes the
 * token.
 */
export async function verifyBearerToken(
  token: string,
  context: BearerTokenContext,
): Promise<BearerTokenCheck> {
  const url = presignedUrl(token);
  if (url === undefined) return invalid("it is not a sagemaker-api-key- token of version 1");
  const q = url.searchParams;
  const get = (name: string) => q.get(name) ?? "";
  if (get("Action") !== "CallWithBearerToken" || url.pathname !== "/") {
    return invalid("it does not presign CallWithBearerToken");
  }
  if (get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || get("X-Amz-SignedHeaders") !== "host") {
    return invalid("unsupported algorithm or signed headers");
  }
  const [accessKeyId = "", day = "", region = "", service = "", terminator = ""] =
    get("X-Amz-Credential").split("/");
  const amzDate = get("X-Amz-Date");
  const signedAt = parseAmzDate(amzDate);
  const lifetime = Number(get("X-Amz-Expires"));
  if (service !== "sagemaker" || terminator !== "aws4_request" || signedAt === undefined) {
    return invalid("malformed credential scope or date");
  }
  if (day !== amzDate.slice(0, 8)) return invalid("the scope's date is not the signing date");
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME_SECONDS) {
    return invalid(`X-Amz-Expires must be 1 to ${MAX_LIFETIME_SECONDS} seconds`);
  }
  const now = context.now.getTime();
  const expiresAt = new Date(signedAt.getTime() + lifetime * 1000);
  if (expiresAt.getTime() <= now)
    return refuse(401, "expired_api_key", "The bearer token has expired.");
  if (signedAt.getTime() - now > FIVE_MINUTES) return invalid("it is signed in the future");
  const known = context.credentials.get(accessKeyId);
  if (known === undefined || (known.sessionToken ?? "") !== get("X-Amz-Security-Token")) {
    return invalid("the security token included in it is invalid");
  }
  if (known.expiration !== undefined && known.expiration.getTime() <= now) {
    return refuse(401, "expired_api_key", "The credentials of the bearer token have expired.");
  }
  const scope: Scope = { date: day, region, service };
  // The query as signed: every parameter but the signature, from the raw text (percent-encoded).
  const signed = url.search
    .slice(1)
    .split("&")
    .filter((pair) => !pair.startsWith("X-Amz-Signature="))
    .join("&");
  const request = `POST\n/\n${canonicalQuery(signed)}\nhost:${HOST}\n\nhost\n${EMPTY_SHA256}`;
  const expected = await computeSignature(
    known.secretAccessKey,
    scope,
    await stringToSign(amzDate, scope, request),
  );
  if (!timingSafeEqual(expected, get("X-Amz-Signature"))) {
    return invalid("the signature does not match");
  }
  // Checked last: only a genuine token is told that it is for another region.
  if (context.region !== undefined && region !== context.region) {
    return refuse(
      403,
      "permission_denied",
      `The bearer token is scoped to ${region}, not to ${context.region} where this endpoint is.`,
    );
  }
  return { ok: true, accessKeyId, region, expiresAt };
}
