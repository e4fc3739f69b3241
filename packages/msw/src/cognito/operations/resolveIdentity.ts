import { COGNITO_MESSAGES, CognitoServiceError } from "../CognitoServiceError";
import type { ResolvedPool } from "../config";
import type { CognitoIdentity } from "../IdentityStore";
import type { CognitoInput } from "../input";
import { authorizeIdentity, verifyLogins } from "../logins";
import { type OperationContext, servesRegion } from "../state";

export interface AuthorizedIdentity {
  identity: CognitoIdentity;
  pool: ResolvedPool;
  authenticated: boolean;
}

/**
 * The identity GetCredentialsForIdentity and GetOpenIdToken act for: it must exist (in the
 * region the request went to), and the request's logins must be good for it.
 */
export async function resolveIdentity(
  input: CognitoInput,
  context: OperationContext,
  beforeLogins?: (pool: ResolvedPool) => void,
): Promise<AuthorizedIdentity> {
  const { state } = context;
  const identityId = input.IdentityId ?? "";
  const identity = state.identities.get(identityId);
  const pool = identity && state.config.pools.get(identity.identityPoolId);
  const region = identityId.slice(0, identityId.indexOf(":"));
  if (identity === undefined || pool === undefined || !servesRegion(context, region)) {
    throw new CognitoServiceError(
      "ResourceNotFoundException",
      COGNITO_MESSAGES.identityNotFound(identityId),
    );
  }
  context.entry.identityPoolId = pool.id;
  beforeLogins?.(pool);
  const logins = await verifyLogins(pool, input.Logins ?? {}, state.config.now());
  const authenticated = authorizeIdentity(identity, pool, logins, state.identities);
  return { identity, pool, authenticated };
}
