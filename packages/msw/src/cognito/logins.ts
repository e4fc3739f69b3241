import {
  COGNITO_MESSAGES,
  CognitoServiceError,
  isCognitoServiceError,
  notAuthorized,
} from "./CognitoServiceError";
import type { ResolvedPool } from "./config";
import type { CognitoIdentity, IdentityStore } from "./IdentityStore";

/** The verified logins of a request: subject by provider name, in the request's order. */
export type VerifiedLogins = ReadonlyMap<string, string>;

/**
 * Checks each login against the pool's providers: an unknown provider or a token its validator
 * refuses is NotAuthorizedException; a validator that fails otherwise is ExternalServiceException.
 */
export async function verifyLogins(
  pool: ResolvedPool,
  logins: Readonly<Record<string, string>>,
  now: number,
): Promise<VerifiedLogins> {
  const verified = new Map<string, string>();
  for (const [providerName, token] of Object.entries(logins)) {
    const validate = pool.providers.get(providerName);
    if (validate === undefined) throw notAuthorized(COGNITO_MESSAGES.unsupportedProvider);
    let subject: string | undefined;
    try {
      subject = await validate(token, { providerName, identityPoolId: pool.id, now });
    } catch (error) {
      if (isCognitoServiceError(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new CognitoServiceError("ExternalServiceException", message);
    }
    if (typeof subject !== "string" || subject === "") {
      throw notAuthorized(COGNITO_MESSAGES.invalidToken);
    }
    verified.set(providerName, subject);
  }
  return verified;
}

/**
 * Whether the request may act for the identity, linking new logins on the way:
 * - an identity with logins needs one of them again (else "Logins don't match");
 * - a guest identity presenting logins is linked to them (becomes authenticated), unless one
 *   of them already belongs to another identity;
 * - a guest without logins needs a pool that allows unauthenticated identities.
 * Answers whether the identity is authenticated.
 */
export function authorizeIdentity(
  identity: CognitoIdentity,
  pool: ResolvedPool,
  logins: VerifiedLogins,
  identities: IdentityStore,
): boolean {
  const linked = Object.entries(identity.logins);
  if (linked.length > 0) {
    const matches = linked.some(([provider, subject]) => logins.get(provider) === subject);
    if (!matches) throw notAuthorized(COGNITO_MESSAGES.loginsDontMatch);
    return true;
  }
  if (logins.size === 0) {
    if (!pool.allowUnauthenticated) throw notAuthorized(COGNITO_MESSAGES.unauthenticated);
    return false;
  }
  for (const [provider, subject] of logins) {
    const owner = identities.findByLogin(pool.id, provider, subject);
    if (owner !== undefined && owner !== identity) {
      throw notAuthorized(COGNITO_MESSAGES.loginsDontMatch);
    }
  }
  for (const [provider, subject] of logins) identities.link(identity, provider, subject);
  return true;
}
