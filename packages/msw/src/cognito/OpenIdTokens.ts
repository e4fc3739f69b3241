import { fromBase64Url, toBase64Url } from "../internal/base64";
import { fromUtf8, timingSafeEqual, utf8 } from "../internal/bytes";
import { hmacSha256 } from "../internal/crypto";
import type { OpenIdClaims } from "./types";

export const OPENID_ISSUER = "https://cognito-identity.amazonaws.com";

/**
 * The OpenID tokens of one mock: JWTs with Cognito's claims (`iss`, `sub` = identity id,
 * `aud` = pool id, `amr`, `iat`, `exp`), signed with a key only this mock holds, so that its
 * STS accepts them and nothing else (Cognito signs with RS512; HS256 does here, which a client
 * cannot tell without Cognito's keys).
 */
export class OpenIdTokens {
  readonly #key: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(32));
  async sign(claims: OpenIdClaims): Promise<string> {
    const header = { kid: "sagefetch-msw-1", typ: "JWS", alg: "HS256" };
    const encode = (value: object) => toBase64Url(utf8(JSON.stringify(value)));
    const signingInput = `${encode(header)}.${encode(claims)}`;
    return `${signingInput}.${toBase64Url(await hmacSha256(this.#key, signingInput))}`;
  }

  /**
   * The claims of a token, checked: `malformed` when it is not a JWT at all, `foreign` when
   * this mock did not sign it (expiry is the caller's to check).
   */
  async verify(
    token: string,
  ): Promise<{ ok: true; claims: OpenIdClaims } | { ok: false; reason: "malformed" | "foreign" }> {
    const parts = token.split(".");
    const [header, payload, signature] = parts;
    if (parts.length !== 3 || header === undefined || payload === undefined) {
      return { ok: false, reason: "malformed" };
    }
    let claims: Partial<OpenIdClaims>;
    try {
      JSON.parse(fromUtf8(fromBase64Url(header) ?? new Uint8Array()));
      claims = JSON.parse(fromUtf8(fromBase64Url(payload) ?? new Uint8Array()));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    if (typeof claims !== "object" || claims === null) return { ok: false, reason: "malformed" };
    const expected = toBase64Url(await hmacSha256(this.#key, `${header}.${payload}`));
    if (signature === undefined || !timingSafeEqual(expected, signature)) {
      return { ok: false, reason: "foreign" };
    }
    return { ok: true, claims: claims as OpenIdClaims };
  }
}
