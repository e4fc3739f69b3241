import { COGNITO_MESSAGES, CognitoServiceError, notAuthorized } from "../CognitoServiceError";
import type { CognitoIdentity } from "../IdentityStore";
import type { CognitoInput } from "../input";
import { verifyLogins } from "../logins";
import { findPool, type OperationContext } from "../state";

/**
 * GetId: a new identity for every guest call; for logins, the identity they are linked to, or
 * a new one linked to them (so a user keeps one identity id per pool).
 */
export async function getId(input: CognitoInput, context: OperationContext): Promise<object> {
  const { state, entry } = context;
  const poolId = input.IdentityPoolId ?? "";
  const pool = findPool(context, poolId);
  if (pool === undefined) {
    throw new CognitoServiceError(
      "ResourceNotFoundException",
      COGNITO_MESSAGES.poolNotFound(poolId),
    );
  }
  const now = state.config.now();
  const logins = await verifyLogins(pool, input.Logins ?? {}, now);
  let identity: CognitoIdentity | undefined;
  if (logins.size === 0) {
    if (!pool.allowUnauthenticated) throw notAuthorized(COGNITO_MESSAGES.unauthenticated);
  } else {
    for (const [provider, subject] of logins) {
      identity ??= state.identities.findByLogin(pool.id, provider, subject);
    }
  }
  identity ??= state.identities.create(pool.id, now);
  for (const [provider, subject] of logins) {
    if (state.identities.findByLogin(pool.id, provider, subject) === undefined) {
      state.identities.link(identity, provider, subject);
    }
  }
  entry.identityId = identity.identityId;
  return { IdentityId: identity.identityId };
}
