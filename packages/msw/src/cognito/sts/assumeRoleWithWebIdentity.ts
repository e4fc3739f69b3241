import { utf8 } from "../../internal/bytes";
import { UPPER_BASE32 } from "../../internal/random";
import { CognitoServiceError } from "../CognitoServiceError";
import { issueCredentials } from "../mint";
import { OPENID_ISSUER } from "../OpenIdTokens";
import type { OperationContext } from "../state";
import type { OpenIdClaims } from "../types";
import { readWebIdentityInput, type WebIdentityInput } from "./input";
import { stsResult, type XmlNode } from "./xml";

/** STS's words for the tokens it refuses. */
export const STS_MESSAGES = {
  notAJwt:
    "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
  noVerificationKey:
    "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  /** Seconds since the epoch: the server's now, then the token's expiry. */
  expired: (nowSeconds: number, expSeconds: number): string =>
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${expSeconds}`,
  accessDenied: "Not authorized to perform sts:AssumeRoleWithWebIdentity",
} as const;

const invalidToken = (message: string) => new CognitoServiceError("InvalidIdentityToken", message);

/** The claims of a token this mock's GetOpenIdToken issued, still valid; else STS's error. */
async function checkToken(token: string, context: OperationContext): Promise<OpenIdClaims> {
  const verified = await context.state.tokens.verify(token);
  if (!verified.ok) {
    throw invalidToken(
      verified.reason === "malformed" ? STS_MESSAGES.notAJwt : STS_MESSAGES.noVerificationKey,
    );
  }
  const { claims } = verified;
  if (claims.iss !== OPENID_ISSUER) throw invalidToken(STS_MESSAGES.noVerificationKey);
  const nowSeconds = Math.floor(context.state.config.now() / 1000);
  if (!(nowSeconds < claims.exp)) {
    throw new CognitoServiceError(
      "ExpiredTokenException",
      STS_MESSAGES.expired(nowSeconds, claims.exp),
    );
  }
  return claims;
}

/** A role's unique id (`AROA` + 17 base32 characters), the same for the same role ARN. */
async function roleId(roleArn: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8(roleArn)));
  return `AROA${[...digest.slice(0, 17)].map((byte) => UPPER_BASE32[byte % 32]).join("")}`;
}

/**
 * AssumeRoleWithWebIdentity, for the OpenID tokens of this mock's GetOpenIdToken: credentials of
 * the role for DurationSeconds, issued to the SageMaker mock's store.
 */
export async function assumeRoleWithWebIdentity(
  params: URLSearchParams,
  context: OperationContext,
): Promise<Response> {
  const { state, entry, answer } = context;
  const input: WebIdentityInput = readWebIdentityInput(
    params,
    state.config.maxSessionDurationSeconds,
  );
  const claims = await checkToken(input.webIdentityToken, context);
  entry.identityId = claims.sub;
  entry.identityPoolId = claims.aud;
  if (!state.config.canAssumeRole(input.roleArn, claims)) {
    throw new CognitoServiceError("AccessDenied", STS_MESSAGES.accessDenied, 403);
  }
  const credentials = issueCredentials(state.config.credentials, state.issued, state.config.now(), {
    identityId: claims.sub,
    roleArn: input.roleArn,
    operation: "AssumeRoleWithWebIdentity",
    ttlSeconds: input.durationSeconds,
  });
  entry.accessKeyId = credentials.accessKeyId;
  const { partition, accountId, name } = input.role;
  const result: Record<string, XmlNode> = {
    Audience: claims.aud,
    AssumedRoleUser: {
      AssumedRoleId: `${await roleId(input.roleArn)}:${input.roleSessionName}`,
      Arn: `arn:${partition}:sts::${accountId}:assumed-role/${name}/${input.roleSessionName}`,
    },
    Provider: "cognito-identity.amazonaws.com",
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: credentials.expiration.toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    SubjectFromWebIdentityToken: claims.sub,
  };
  return stsResult(answer, "AssumeRoleWithWebIdentity", result);
}
