import { toHex, utf8 } from "../internal/bytes";
import { hmacSha256, sha256Hex } from "../internal/crypto";
import { ALGORITHM } from "./authorization";

export interface Scope {
  date: string;
  region: string;
  service: string;
}

export function scopeString(scope: Scope): string {
  return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

export async function stringToSign(
  amzDate: string,
  scope: Scope,
  canonicalRequest: string,
): Promise<string> {
  return [ALGORITHM, amzDate, scopeString(scope), await sha256Hex(canonicalRequest)].join("\n");
}

/**
 * Signing keys by secret and scope: the HMAC chain below costs four crypto.subtle round trips,
 * and every request of a day signed with one key in one region shares it (the AWS SDK caches
 * them the same way). Bounded: cleared when full.
 */
const signingKeys = new Map<string, Promise<CryptoKey>>();
const MAX_SIGNING_KEYS = 64;

/** HMAC chain `AWS4{secret}` → date → region → service → `aws4_request`, as a key. */
function signingKey(secretAccessKey: string, scope: Scope): Promise<CryptoKey> {
  const id = `${scopeString(scope)}\n${secretAccessKey}`;
  let key = signingKeys.get(id);
  if (key === undefined) {
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    key = (async () => {
      let raw = await hmacSha256(`AWS4${secretAccessKey}`, scope.date);
      raw = await hmacSha256(raw, scope.region);
      raw = await hmacSha256(raw, scope.service);
      raw = await hmacSha256(raw, "aws4_request");
      return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
      ]);
    })();
    key.catch(() => signingKeys.delete(id));
    signingKeys.set(id, key);
  }
  return key;
}

/** The request's signature: the scope's signing key over the string to sign. */
export async function computeSignature(
  secretAccessKey: string,
  scope: Scope,
  toSign: string,
): Promise<string> {
  const key = await signingKey(secretAccessKey, scope);
  return toHex(await crypto.subtle.sign("HMAC", key, utf8(toSign)));
}
