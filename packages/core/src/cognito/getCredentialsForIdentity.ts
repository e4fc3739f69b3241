import { CredentialsProviderError } from "../credentials/types";
import { callCognito, type ServiceCall } from "./callCognito";

/** Cognito Identity's GetCredentialsForIdentity (the enhanced flow), as the AWS SDK reads it. */
export async function getCredentialsForIdentity(
  call: ServiceCall,
  request: { IdentityId: string; Logins?: Record<string, string>; CustomRoleArn?: string },
  signal: AbortSignal | undefined,
): Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  expiration: Date | undefined;
}> {
  const { Credentials: c } = await callCognito<{
    Credentials?: {
      AccessKeyId?: string;
      SecretKey?: string;
      SessionToken?: string;
      Expiration?: number;
    };
  }>(call, "GetCredentialsForIdentity", request, signal);
  // The AWS SDK's words for an answer it cannot use.
  const missing = !c
    ? "credentials"
    : !c.AccessKeyId
      ? "access key ID"
      : !c.SecretKey
        ? "secret key"
        : undefined;
  if (missing) {
    throw new CredentialsProviderError({
      message: `Response from Amazon Cognito contained no ${missing}`,
    });
  }
  return {
    accessKeyId: c?.AccessKeyId as string,
    secretAccessKey: c?.SecretKey as string,
    sessionToken: c?.SessionToken,
    expiration: c?.Expiration === undefined ? undefined : new Date(c.Expiration * 1000),
  };
}
