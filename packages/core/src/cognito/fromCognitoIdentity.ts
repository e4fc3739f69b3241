import {
  type CognitoIdentityCredentials,
  type CognitoProviderCallOptions,
  type CognitoServiceOptions,
  serviceCall,
} from "./fromCognitoIdentityPool";
import { getCredentialsForIdentity } from "./getCredentialsForIdentity";
import { type LoginsOption, resolveLogins } from "./resolveLogins";

export interface CognitoIdentityOptions extends CognitoServiceOptions {
  /** The identity to get credentials for, e.g. from a developer-authenticated sign-in. */
  identityId: string;
  /** The identity's region. @default the region the identity id starts with */
  region?: string;
  /** Tokens of the identity providers the identity is linked to (required if it has any). */
  logins?: LoginsOption;
  customRoleArn?: string;
}

/** A provider of credentials for one known Cognito identity. */
export type CognitoIdentityProvider = (
  options?: CognitoProviderCallOptions,
) => Promise<CognitoIdentityCredentials>;

/**
 * Credentials for a Cognito identity whose id is already known (developer-authenticated
 * identities, an id kept by the app): GetCredentialsForIdentity at each call. Same options and
 * results as the AWS SDK's `fromCognitoIdentity`. Pass it as `credentials`.
 */
export function fromCognitoIdentity(options: CognitoIdentityOptions): CognitoIdentityProvider {
  const { identityId, customRoleArn } = options;
  if (typeof identityId !== "string" || !/^[\w-]+:[0-9a-f-]+$/.test(identityId)) {
    throw new TypeError("fromCognitoIdentity: identityId must look like `us-east-1:1a2b3c4d-…`.");
  }
  const call = serviceCall(
    options,
    options.region ?? options.clientConfig?.region ?? (identityId.split(":")[0] as string),
  );
  return async (callOptions) => {
    const logins = await resolveLogins(options.logins);
    const request = { IdentityId: identityId, Logins: logins, CustomRoleArn: customRoleArn };
    const credentials = await getCredentialsForIdentity(call, request, callOptions?.abortSignal);
    return { identityId, ...credentials };
  };
}
