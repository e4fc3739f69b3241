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
export type AwsCredentialIdentityProvider = (options?: {
  forceRefresh?: boolean;
}) => Promise<AwsCredentialIdentity>;

/** Credentials could not be had: none were given, or the provider failed or gave a bad value. */
export class CredentialsProviderError extends Error {
  override name = "CredentialsProviderError" as const;
}
