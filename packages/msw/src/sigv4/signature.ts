import { toHex } from "../internal/bytes";
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

/** HMAC chain `AWS4{secret}` → date → region → service → `aws4_request`, then the signature. */
export async function computeSignature(
  secretAccessKey: string,
  scope: Scope,
  toSign: string,
): Promise<string> {
  let key = await hmacSha256(`AWS4${secretAccessKey}`, scope.date);
  key = await hmacSha256(key, scope.region);
  key = await hmacSha256(key, scope.service);
  key = await hmacSha256(key, "aws4_request");
  return toHex(await hmacSha256(key, toSign));
}
