// @sagefetch/core/cognito: credentials for Amazon Cognito Identity users, in a subpath so
// that apps that do not sign users in never bundle it.

export type { WebIdentityRole } from "./assumeRoleWithWebIdentity";
export { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";
export {
  type CognitoIdentityOptions,
  type CognitoIdentityProvider,
  fromCognitoIdentity,
} from "./fromCognitoIdentity";
export {
  type CognitoIdentityCredentials,
  type CognitoIdentityPoolOptions,
  type CognitoIdentityPoolProvider,
  type CognitoProviderCallOptions,
  type CognitoServiceOptions,
  fromCognitoIdentityPool,
} from "./fromCognitoIdentityPool";
export { type IdentityIdStorage, identityIdKey } from "./identityIdCache";
export type { Logins, LoginsOption } from "./resolveLogins";
