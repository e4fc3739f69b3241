// @sagefetch/core/cognito: credentials for Amazon Cognito Identity Pool users, in a subpath
// so that apps that do not sign users in never bundle it.
export type { WebIdentityRole } from "./assumeRoleWithWebIdentity";
export { CognitoIdentityServiceException } from "./CognitoIdentityServiceException";
export {
  type CognitoIdentityCredentials,
  type CognitoIdentityPoolOptions,
  type CognitoIdentityPoolProvider,
  fromCognitoIdentityPool,
  type Logins,
} from "./fromCognitoIdentityPool";
export { type IdentityIdStorage, identityIdKey } from "./identityIdCache";
