import { COGNITO_MESSAGES, CognitoServiceError } from "../CognitoServiceError";
import type { CognitoInput } from "../input";
import { OPENID_ISSUER } from "../OpenIdTokens";
import type { OperationContext } from "../state";
import { resolveIdentity } from "./resolveIdentity";

/**
 * GetOpenIdToken (the basic flow's first step): an OpenID token for the identity, valid for
 * `openIdTokenTtlSeconds`, which this mock's STS AssumeRoleWithWebIdentity accepts.
 */
export async function getOpenIdToken(
  input: CognitoInput,
  context: OperationContext,
): Promise<object> {
  const { state } = context;
  const { identity, pool, authenticated } = await resolveIdentity(input, context, (pool) => {
    if (!pool.allowClassicFlow) {
      throw new CognitoServiceError(
        "InvalidParameterException",
        COGNITO_MESSAGES.classicFlowDisabled,
      );
    }
  });
  const iat = Math.floor(state.config.now() / 1000);
  const amr = authenticated
    ? [
        "authenticated",
        ...Object.entries(identity.logins).flatMap(([provider, subject]) => [
          provider,
          `${provider}:${subject}`,
        ]),
      ]
    : ["unauthenticated"];
  const token = await state.tokens.sign({
    iss: OPENID_ISSUER,
    sub: identity.identityId,
    aud: pool.id,
    amr,
    iat,
    exp: iat + state.config.openIdTokenTtlSeconds,
  });
  return { IdentityId: identity.identityId, Token: token };
}
