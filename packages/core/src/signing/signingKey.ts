import type { AwsCredentialIdentity } from "../credentials/types";
import { hmacSha256 } from "./sha256";

const encoder = /* @__PURE__ */ new TextEncoder();

// One derived key per credentials object, for the latest secret/day/region/service it signed:
// four HMACs saved on every call. Held weakly, so refreshed credentials take their keys with them.
const cache = new WeakMap<AwsCredentialIdentity, { scope: string; key: Uint8Array }>();

/** The SigV4 signing key: HMAC chain of the secret over day, region, service, "aws4_request". */
export function signingKey(
  credentials: AwsCredentialIdentity,
  day: string,
  region: string,
  service: string,
): Uint8Array {
  // The secret is part of the key: some credential objects are updated in place.
  const scope = `${day}/${region}/${service}/${credentials.secretAccessKey}`;
  const cached = cache.get(credentials);
  if (cached?.scope === scope) return cached.key;
  let key: Uint8Array = encoder.encode(`AWS4${credentials.secretAccessKey}`);
  for (const part of [day, region, service, "aws4_request"])
    key = hmacSha256(key, encoder.encode(part));
  cache.set(credentials, { scope, key });
  return key;
}
