import { COGNITO_MESSAGES, CognitoServiceError } from "../CognitoServiceError";
import type { CognitoInput } from "../input";
import { issueCredentials } from "../mint";
import type { OperationContext } from "../state";
import { resolveIdentity } from "./resolveIdentity";

/**
 * GetCredentialsForIdentity: credentials of the pool's authenticated or unauthenticated role
 * (or `CustomRoleArn`), issued to the SageMaker mock's store, `Expiration` in epoch seconds.
 */
export async function getCredentialsForIdentity(
  input: CognitoInput,
  context: OperationContext,
): Promise<object> {
  const { state, entry } = context;
  const { identity, pool, authenticated } = await resolveIdentity(input, context);
  const poolRole = authenticated ? pool.authenticatedRole : pool.unauthenticatedRole;
  if (poolRole === undefined) {
    throw new CognitoServiceError(
      "InvalidIdentityPoolConfigurationException",
      COGNITO_MESSAGES.noRole,
    );
  }
  const credentials = issueCredentials(state.config.credentials, state.issued, state.config.now(), {
    identityId: identity.identityId,
    roleArn: input.CustomRoleArn ?? poolRole,
    operation: "GetCredentialsForIdentity",
    ttlSeconds: state.config.credentialTtlSeconds,
  });
  entry.accessKeyId = credentials.accessKeyId;
  return {
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      Expiration: credentials.expiration.getTime() / 1000,
      SecretKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
    },
    IdentityId: identity.identityId,
  };
}
