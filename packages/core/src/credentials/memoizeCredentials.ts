import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  CredentialsProviderError,
} from "./types";

/** Credentials are refreshed this long before they expire, as the AWS SDK does. */
export const REFRESH_WINDOW_MS: number = 5 * 60 * 1000;

/** How long a provider call may take before the client stops waiting for it (ms). */
export const DEFAULT_CREDENTIALS_TIMEOUT_MS: number = 30_000;

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
 * a call asks), and never keeps a failure: the next call tries again. A provider call that
 * takes longer than `timeoutMs` is dropped (and its `abortSignal` fired): the next call asks
 * again rather than wait on it for good. Every failure is a `CredentialsProviderError`.
 */
export function memoizeCredentials(
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
  timeoutMs: number = DEFAULT_CREDENTIALS_TIMEOUT_MS,
): CredentialSource {
  if (credentials === undefined) {
    return () =>
      Promise.reject(
        new CredentialsProviderError({
          message:
            "No credentials: give SageMakerRuntimeClient `credentials` (an object or an async provider).",
        }),
      );
  }
  if (typeof credentials !== "function") {
    // Checked at each use, not at construction: a bad value must not become an unhandled
    // rejection (and a crashed process) before anyone calls.
    return async () => checkShape(credentials);
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
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        if (timeoutMs > 0) {
          timer = setTimeout(() => {
            const error = new CredentialsProviderError({
              message: `The credentials provider did not answer within credentialsTimeout (${timeoutMs} ms).`,
            });
            controller.abort(error);
            reject(error);
          }, timeoutMs);
        }
      });
      try {
        // After a tick, so that a provider that throws at once still runs this through
        // `pending` (and its `finally` can clear it), rather than caching the failure.
        await undefined;
        const given = credentials({ forceRefresh, abortSignal: controller.signal });
        current = checkShape(await Promise.race([given, deadline]));
        return current;
      } catch (error) {
        current = undefined;
        throw asProviderError(error);
      } finally {
        clearTimeout(timer);
        if (pending === call) pending = undefined;
      }
    })();
    pending = call;
    return pending;
  };
}

/**
 * The provider's own error (a Cognito `NotAuthorizedException`, a `TypeError: Failed to
 * fetch`) as the `cause` of a `CredentialsProviderError`, so that the caller can tell the
 * credentials step failed. The message names the cause's type only: its text is the
 * provider's, and may quote what it was given.
 */
function asProviderError(error: unknown): CredentialsProviderError {
  if (error instanceof CredentialsProviderError) return error;
  const name = (error as Error | undefined)?.name;
  return new CredentialsProviderError({
    message: `The credentials provider failed${typeof name === "string" ? ` with ${name}` : ""}; see cause.`,
    cause: error,
  });
}

/**
 * Checks the credentials' shape, and reads an `expiration` given as an ISO 8601 string or as
 * epoch seconds (milliseconds from 1e11 up) as a `Date`, as parsed JSON gives it.
 */
function checkShape(value: AwsCredentialIdentity): AwsCredentialIdentity {
  if (
    typeof value?.accessKeyId !== "string" ||
    !value.accessKeyId ||
    typeof value.secretAccessKey !== "string" ||
    !value.secretAccessKey
  ) {
    throw new CredentialsProviderError({
      message: "Credentials must have a non-empty accessKeyId and secretAccessKey.",
    });
  }
  const expiration = value.expiration as unknown;
  if (expiration === undefined) return value;
  if (expiration === null) return { ...value, expiration: undefined };
  // `Date` reads a Date, an ISO 8601 string and epoch milliseconds alike.
  const date = new Date(
    (typeof expiration === "number" && expiration < 1e11 ? expiration * 1000 : expiration) as Date,
  );
  if (typeof expiration === "boolean" || Number.isNaN(date.getTime())) {
    throw new CredentialsProviderError({
      message: "Credentials' expiration must be a Date, an ISO 8601 string or epoch seconds.",
    });
  }
  return expiration instanceof Date ? value : { ...value, expiration: date };
}
