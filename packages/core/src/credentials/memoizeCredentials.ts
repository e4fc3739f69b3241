import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  CredentialsProviderError,
} from "./types";

/** Credentials are refreshed this long before they expire, as the AWS SDK does. */
export const REFRESH_WINDOW_MS: number = 5 * 60 * 1000;

/**
 * Gives credentials. `refresh`: `true` forces a new call of the provider; credentials that a
 * call was refused with (`ExpiredTokenException`) refresh only if no other call has already
 * replaced them, so many refused calls make one refresh.
 */
export type CredentialSource = (
  refresh?: boolean | AwsCredentialIdentity,
) => Promise<AwsCredentialIdentity>;

/**
 * Wraps static credentials or a provider so that the provider is called once for any number
 * of concurrent calls, again only when the credentials come within 5 minutes of expiring (or
 * a call asks), and never keeps a failure: the next call tries again.
 */
export function memoizeCredentials(
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
): CredentialSource {
  if (credentials === undefined) {
    return () =>
      Promise.reject(
        new CredentialsProviderError(
          "No credentials: give SageMakerRuntimeClient `credentials` (an object or an async provider).",
        ),
      );
  }
  if (typeof credentials !== "function") {
    // Checked at each use, not at construction: a bad value must not become an unhandled
    // rejection (and a crashed process) before anyone calls.
    return () => Promise.resolve().then(() => checkShape(credentials));
  }
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (value: AwsCredentialIdentity) =>
    value.expiration === undefined || value.expiration.getTime() - Date.now() > REFRESH_WINDOW_MS;

  return (refresh = false) => {
    const forceRefresh = refresh === true || (refresh !== false && refresh === current);
    if (current && !forceRefresh && fresh(current)) return Promise.resolve(current);
    if (pending) return pending;
    let call: Promise<AwsCredentialIdentity> | undefined;
    call = (async () => {
      try {
        // After a tick, so that a provider that throws at once still runs this through
        // `pending` (and its `finally` can clear it), rather than caching the failure.
        await undefined;
        current = checkShape(await credentials({ forceRefresh }));
        return current;
      } catch (error) {
        current = undefined;
        // The provider's own typed error (a Cognito NotAuthorizedException, say) reaches the
        // caller as it is; only a non-Error is wrapped.
        throw error instanceof Error
          ? error
          : new CredentialsProviderError("The credentials provider failed.", { cause: error });
      } finally {
        if (pending === call) pending = undefined;
      }
    })();
    pending = call;
    return pending;
  };
}

function checkShape(value: AwsCredentialIdentity): AwsCredentialIdentity {
  if (
    typeof value?.accessKeyId !== "string" ||
    !value.accessKeyId ||
    typeof value.secretAccessKey !== "string" ||
    !value.secretAccessKey
  ) {
    throw new CredentialsProviderError(
      "Credentials must have a non-empty accessKeyId and secretAccessKey.",
    );
  }
  return value;
}
