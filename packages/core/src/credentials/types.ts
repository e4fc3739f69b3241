import { SagefetchClientError } from "../errors/SagefetchClientError";

/** AWS credentials, in the AWS SDK's `AwsCredentialIdentity` shape. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /**
   * When temporary credentials stop working; they are refreshed 5 minutes before. A provider
   * may give it as an ISO 8601 string or as epoch seconds (credentials parsed from JSON): the
   * client reads it as a `Date`.
   */
  expiration?: Date;
  credentialScope?: string;
  accountId?: string;
}

/**
 * An async source of credentials, as the AWS SDK's `AwsCredentialIdentityProvider`. The
 * client calls it with `{ forceRefresh, abortSignal }`: `forceRefresh` when it needs new
 * credentials at once, `abortSignal` fires when `credentialsTimeout` passes and the client
 * stops waiting. The parameter is typed as the AWS SDK types its `IdentityProvider`'s, so
 * that the AWS SDK's providers (fromCognitoIdentityPool, fromTemporaryCredentials, …) fit.
 */
export type AwsCredentialIdentityProvider = (
  // biome-ignore lint/suspicious/noExplicitAny: the AWS SDK's own parameter type, for drop-in fit
  options?: Record<string, any>,
) => Promise<AwsCredentialIdentity>;

/**
 * Credentials could not be had: none were given, the provider failed (its own error is the
 * `cause`), did not answer within `credentialsTimeout`, or gave a value of the wrong shape.
 */
export class CredentialsProviderError extends SagefetchClientError {
  override readonly name = "CredentialsProviderError" as const;
}
