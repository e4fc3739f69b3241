/** AWS credentials, in the AWS SDK's `AwsCredentialIdentity` shape. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials stop working; they are refreshed 5 minutes before. */
  expiration?: Date;
  credentialScope?: string;
  accountId?: string;
}

/** An async source of credentials, as the AWS SDK's `AwsCredentialIdentityProvider`. */
/**
 * The client calls it with `{ forceRefresh: true }` when it needs new credentials at once. The
 * parameter is typed as the AWS SDK types its `IdentityProvider`'s, so that the AWS SDK's
 * providers (fromCognitoIdentityPool, fromTemporaryCredentials, …) fit as they are.
 */
export type AwsCredentialIdentityProvider = (
  // biome-ignore lint/suspicious/noExplicitAny: the AWS SDK's own parameter type, for drop-in fit
  options?: Record<string, any>,
) => Promise<AwsCredentialIdentity>;

/** Credentials could not be had: none were given, or the provider failed or gave a bad value. */
export class CredentialsProviderError extends Error {
  override name = "CredentialsProviderError" as const;
}
