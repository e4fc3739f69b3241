import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  CredentialsProviderError,
} from "../credentials/types";
import { assumeRoleWithWebIdentity, type WebIdentityRole } from "./assumeRoleWithWebIdentity";
import { callCognito, newRetries, type ServiceCall } from "./callCognito";
import { getCredentialsForIdentity } from "./getCredentialsForIdentity";
import { defaultStorage, type IdentityIdStorage, identityIdKey } from "./identityIdCache";
import { type LoginsOption, resolveLogins } from "./resolveLogins";

/** What both Cognito providers take besides their own options. */
export interface CognitoServiceOptions {
  /** Accepted for drop-in compatibility with the AWS SDK's options. */
  clientConfig?: { region?: string };
  /** Cognito Identity endpoint (a mock, a VPC endpoint). */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Attempts per Cognito call (throttling, 5xx and network errors are retried). @default 3 */
  maxAttempts?: number;
  /**
   * Milliseconds one Cognito (or STS) request may take before it is aborted and retried.
   * @default 10000
   */
  requestTimeout?: number;
}

export interface CognitoIdentityPoolOptions extends CognitoServiceOptions {
  /** e.g. `us-east-1:1a2b3c4d-…`. */
  identityPoolId: string;
  /** The pool's region. @default the region the pool id starts with */
  region?: string;
  /**
   * The signed-in user's tokens: `{ "cognito-idp.us-east-1.amazonaws.com/us-east-1_x": idToken,
   * "accounts.google.com": googleToken }`, each a string or a function giving a fresh one, or
   * a function giving them all. None: a guest identity.
   */
  logins?: LoginsOption;
  customRoleArn?: string;
  accountId?: string;
  /**
   * Names whose identity id is cached (a user id). @default "ANONYMOUS" for guests; signed-in
   * identities are cached only when given one.
   */
  userIdentifier?: string;
  /**
   * Where the identity id (never the credentials) is kept; `false` for nowhere. The AWS SDK's
   * provider keeps it in IndexedDB in browsers: pass a storage over that database to share it.
   * @default localStorage where it exists, else memory
   */
  cache?: IdentityIdStorage | false;
  /** Use the basic flow (GetOpenIdToken, then STS AssumeRoleWithWebIdentity) with this role. */
  basicFlow?: WebIdentityRole;
}

/** Credentials with the Cognito identity they were issued to, as the AWS SDK's provider gives. */
export interface CognitoIdentityCredentials extends AwsCredentialIdentity {
  identityId: string;
}

/** What a Cognito provider is called with: the client passes its deadline's signal. */
export interface CognitoProviderCallOptions {
  forceRefresh?: boolean;
  /** Aborts the Cognito requests of this call. */
  abortSignal?: AbortSignal;
}

export interface CognitoIdentityPoolProvider extends AwsCredentialIdentityProvider {
  (options?: CognitoProviderCallOptions): Promise<CognitoIdentityCredentials>;
  /** Forgets the identity id, in memory and in the cache: call it on sign-out. */
  clearCachedIdentityId(): Promise<void>;
}

/** How the provider reaches Cognito, from its options. */
export function serviceCall(options: CognitoServiceOptions, region: string): ServiceCall {
  return {
    region,
    endpoint: options.endpoint,
    fetch: options.fetch,
    retries: newRetries(),
    maxAttempts: options.maxAttempts ?? 3,
    requestTimeout: options.requestTimeout ?? 10_000,
  };
}

/**
 * Credentials for a Cognito Identity Pool user, guest or signed in, from the browser or the
 * edge: GetId once (the id is cached), then GetCredentialsForIdentity (the enhanced flow) or
 * GetOpenIdToken + STS AssumeRoleWithWebIdentity (the basic flow) whenever credentials are
 * needed. Pass it as `credentials`: the client calls it once for concurrent calls and again 5
 * minutes before the credentials expire. Same inputs and results as the AWS SDK's provider.
 */
export function fromCognitoIdentityPool(
  options: CognitoIdentityPoolOptions,
): CognitoIdentityPoolProvider {
  const { identityPoolId, customRoleArn, accountId, basicFlow } = options;
  if (typeof identityPoolId !== "string" || !/^[\w-]+:[0-9a-f-]+$/.test(identityPoolId)) {
    throw new TypeError(
      "fromCognitoIdentityPool: identityPoolId is not like `us-east-1:1a2b3c4d-…`.",
    );
  }
  const call = serviceCall(
    options,
    options.region ?? options.clientConfig?.region ?? (identityPoolId.split(":")[0] as string),
  );
  const guest =
    !options.logins ||
    (typeof options.logins === "object" && Object.keys(options.logins).length === 0);
  const userIdentifier = options.userIdentifier ?? (guest ? "ANONYMOUS" : undefined);
  const key = userIdentifier ? identityIdKey(identityPoolId, userIdentifier) : undefined;
  const storage = () =>
    options.cache === false || !key ? undefined : (options.cache ?? defaultStorage());
  let identityId: string | undefined;

  async function identity(
    logins: Record<string, string> | undefined,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    if (!identityId && key) identityId = (await storage()?.getItem(key)) ?? undefined;
    if (identityId) return identityId;
    const { IdentityId } = await callCognito<{ IdentityId?: string }>(
      call,
      "GetId",
      { AccountId: accountId, IdentityPoolId: identityPoolId, Logins: logins },
      signal,
    );
    // The AWS SDK's words for an answer it cannot use.
    if (!IdentityId) {
      throw new CredentialsProviderError({
        message: "Response from Amazon Cognito contained no identity ID",
      });
    }
    identityId = IdentityId;
    if (key) await Promise.resolve(storage()?.setItem(key, IdentityId)).catch(() => {});
    return IdentityId;
  }

  async function credentials(
    logins: Record<string, string> | undefined,
    id: string,
    signal: AbortSignal | undefined,
  ) {
    if (!basicFlow) {
      const request = { IdentityId: id, Logins: logins, CustomRoleArn: customRoleArn };
      return getCredentialsForIdentity(call, request, signal);
    }
    const { Token } = await callCognito<{ Token?: string }>(
      call,
      "GetOpenIdToken",
      { IdentityId: id, Logins: logins },
      signal,
    );
    return assumeRoleWithWebIdentity(call, basicFlow, Token ?? "", signal);
  }

  const clearCachedIdentityId = async () => {
    identityId = undefined;
    if (key) await Promise.resolve(storage()?.removeItem(key)).catch(() => {});
  };

  const provider = async (
    callOptions?: CognitoProviderCallOptions,
  ): Promise<CognitoIdentityCredentials> => {
    const signal = callOptions?.abortSignal;
    const logins = await resolveLogins(options.logins);
    const id = await identity(logins, signal);
    try {
      return { identityId: id, ...(await credentials(logins, id, signal)) };
    } catch (error) {
      // A cached id the pool no longer knows (or no longer lets this user have) is forgotten,
      // so that the next try starts with a fresh GetId. An abort says nothing about the id.
      if (!signal?.aborted) await clearCachedIdentityId();
      throw error;
    }
  };
  return Object.assign(provider, { clearCachedIdentityId });
}
