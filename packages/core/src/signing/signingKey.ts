import type { AwsCredentialIdentity } from "../credentials/types";
import { type HmacKey, hmacKey, hmacSha256 } from "./sha256";

const encoder = /* @__PURE__ */ new TextEncoder();

interface Derived {
  day: string;
  region: string;
  service: string;
  secret: string;
  key: Uint8Array;
  prepared: HmacKey;
}

// One derived key per credentials object, for the latest secret/day/region/service it signed:
// four HMACs saved on every call. Held weakly, so refreshed credentials take their keys with them.
const cache = new WeakMap<AwsCredentialIdentity, Derived>();

function derive(
  credentials: AwsCredentialIdentity,
  day: string,
  region: string,
  service: string,
): Derived {
  // The secret is part of the key: some credential objects are updated in place.
  const secret = credentials.secretAccessKey;
  const cached = cache.get(credentials);
  if (
    cached?.day === day &&
    cached.region === region &&
    cached.service === service &&
    cached.secret === secret
  ) {
    return cached;
  }
  let key: Uint8Array = encoder.encode(`AWS4${secret}`);
  for (const part of [day, region, service, "aws4_request"])
    key = hmacSha256(key, encoder.encode(part));
  const derived = { day, region, service, secret, key, prepared: hmacKey(key) };
  cache.set(credentials, derived);
  return derived;
}

/** The SigV4 signing key: HMAC chain of the secret over day, region, service, "aws4_request". */
export function signingKey(
  credentials: AwsCredentialIdentity,
  day: string,
  region: string,
  service: string,
): Uint8Array {
  return derive(credentials, day, region, service).key;
}

/** The same key, prepared for `hmacSha256` (what the signer uses, cached with the key). */
export function preparedSigningKey(
  credentials: AwsCredentialIdentity,
  day: string,
  region: string,
  service: string,
): HmacKey {
  return derive(credentials, day, region, service).prepared;
}
