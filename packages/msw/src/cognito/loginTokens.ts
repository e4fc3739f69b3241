import { fromBase64Url, toBase64Url } from "../internal/base64";
import { fromUtf8, utf8 } from "../internal/bytes";
import { COGNITO_MESSAGES, notAuthorized } from "./CognitoServiceError";
import type { LoginValidator } from "./types";

export interface TestLoginTokenOptions {
  /** When the token stops being accepted (Date or epoch ms). Default: never. */
  expiresAt?: Date | number;
  /** The provider name it is for (its `iss`); another provider refuses it. Default: any. */
  provider?: string;
}

interface TestClaims {
  sub: string;
  iss?: string;
  exp?: number;
}

/**
 * A login token for tests: an unsigned JWT (`alg: none`) naming the user, for a pool provider
 * whose validator is `testLoginValidator`. Not a secret: anyone can make one.
 *
 * @example
 * const token = testLoginToken("alice", { expiresAt: Date.now() + 3_600_000 });
 * // GetId / GetCredentialsForIdentity with Logins: { "accounts.google.com": token }
 */
export function testLoginToken(subject: string, options: TestLoginTokenOptions = {}): string {
  if (subject === "") throw new TypeError("testLoginToken: the subject must not be empty");
  const claims: TestClaims = { sub: subject };
  if (options.provider !== undefined) claims.iss = options.provider;
  if (options.expiresAt !== undefined) {
    claims.exp = Math.floor(new Date(options.expiresAt).getTime() / 1000);
  }
  const part = (value: object) => toBase64Url(utf8(JSON.stringify(value)));
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

function readClaims(token: string): TestClaims | undefined {
  const [header, payload, signature, ...rest] = token.split(".");
  if (header === undefined || payload === undefined || signature !== "" || rest.length > 0) {
    return undefined;
  }
  try {
    const head = JSON.parse(fromUtf8(fromBase64Url(header) ?? new Uint8Array()));
    const claims = JSON.parse(fromUtf8(fromBase64Url(payload) ?? new Uint8Array()));
    if (head?.alg !== "none" || typeof claims?.sub !== "string") return undefined;
    return claims as TestClaims;
  } catch {
    return undefined;
  }
}

/**
 * Accepts the tokens `testLoginToken` makes, as Cognito checks a provider's token: another
 * provider's token is refused ("Issuer doesn't match providerName"), an expired one too
 * ("Token expired: <now> >= <exp>", against the mock's clock), anything else is not verified.
 */
export const testLoginValidator: LoginValidator = (token, { providerName, now }) => {
  const claims = readClaims(token);
  if (claims === undefined) return undefined;
  if (claims.iss !== undefined && claims.iss !== providerName) {
    throw notAuthorized(COGNITO_MESSAGES.issuerMismatch);
  }
  const nowSeconds = Math.floor(now / 1000);
  if (claims.exp !== undefined && nowSeconds >= claims.exp) {
    throw notAuthorized(COGNITO_MESSAGES.tokenExpired(nowSeconds, claims.exp));
  }
  return claims.sub;
};
