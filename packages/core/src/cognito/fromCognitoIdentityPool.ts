import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "../credentials/types";
import { assumeRoleWithWebIdentity, type WebIdentityRole } from "./assumeRoleWithWebIdentity";
import { callCognito, newRetries, type ServiceCall } from "./callCognito";
import { defaultStorage, type IdentityIdStorage, identityIdKey } from "./identityIdCache";

/** Tokens of the identity providers the user signed in with, by provider name. */
export type Logins = Record<string, string | (() => Promise<string>)>;

export interface CognitoIdentityPoolOptions {
  /** e.g. `us-east-1:1a2b3c4d-…`. */
  identityPoolId: string;
  /** The pool's region. @default the region the pool id starts with */
  region?: string;
  /** Accepted for drop-in compatibility with the AWS SDK's options. */
  clientConfig?: { region?: string };
  /**
   * The signed-in user's tokens: `{ "cognito-idp.us-east-1.amazonaws.com/us-east-1_x": idToken,
   * "accounts.google.com": googleToken }`, each a string or a function giving a fresh one, or
   * a function giving them all. None: a guest identity.
   */
  logins?: Logins | (() => Promise<Record<string, string>>);
  customRoleArn?: string;
  accountId?: string;
  /**
   * Names whose identity id is cached (a user id). @default "ANONYMOUS" for guests; signed-in
   * identities are cached only when given one.
   */
  userIdentifier?: string;
  /** Where the identity id (never the credentials) is kept; `false` for nowhere. @default localStorage where it exists */
  cache?: IdentityIdStorage | false;
  /** Cognito Identity endpoint (a mock, a VPC endpoint). */
  endpoint?: string;
  /** Use the basic flow (GetOpenIdToken, then STS AssumeRoleWithWebIdentity) with this role. */
  basicFlow?: WebIdentityRole;
  fetch?: typeof fetch;
  /** Attempts per Cognito call (throttling, 5xx and network errors are retried). @default 3 */
  maxAttempts?: number;
}

/** Credentials with the Cognito identity they were issued to, as the AWS SDK's provider gives. */
export interface CognitoIdentityCredentials extends AwsCredentialIdentity {
  identityId: string;
}

export interface CognitoIdentityPoolProvider extends AwsCredentialIdentityProvider {
  (options?: { forceRefresh?: boolean }): Promise<CognitoIdentityCredentials>;
  /** Forgets the identity id, in memory and in the cache: call it on sign-out. */
  clearCachedIdentityId(): Promise<void>;
}

async function resolveLogins(
  logins: CognitoIdentityPoolOptions["logins"],
): Promise<Record<string, string> | undefined> {
  if (!logins) return undefined;
  if (typeof logins === "function") return logins();
  const entries = await Promise.all(
    Object.entries(logins).map(
      async ([name, token]) => [name, typeof token === "string" ? token : await token()] as const,
    ),
  );
  return Object.fromEntries(entries);
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
      "fromCognitoIdentityPool: identityPoolId must look like `us-east-1:1a2b3c4d-…`.",
    );
  }
  const call: ServiceCall = {
    region:
      options.region ?? options.clientConfig?.region ?? (identityPoolId.split(":")[0] as string),
    endpoint: options.endpoint,
    fetch: options.fetch,
    retries: newRetries(),
    maxAttempts: options.maxAttempts ?? 3,
  };
  const guest =
    !options.logins ||
    (typeof options.logins === "object" && Object.keys(options.logins).length === 0);
  const userIdentifier = options.userIdentifier ?? (guest ? "ANONYMOUS" : undefined);
  const key = userIdentifier ? identityIdKey(identityPoolId, userIdentifier) : undefined;
  const storage = () =>
    options.cache === false || !key ? undefined : (options.cache ?? defaultStorage());
  let identityId: string | undefined;

  async function identity(logins: Record<string, string> | undefined): Promise<string> {
    if (!identityId && key) identityId = (await storage()?.getItem(key)) ?? undefined;
    if (identityId) return identityId;
    const { IdentityId } = await callCognito<{ IdentityId?: string }>(call, "GetId", {
      AccountId: accountId,
      IdentityPoolId: identityPoolId,
      Logins: logins,
    });
    if (!IdentityId) throw new TypeError("Cognito Identity answered GetId without an IdentityId.");
    identityId = IdentityId;
    if (key) await Promise.resolve(storage()?.setItem(key, IdentityId)).catch(() => {});
    return IdentityId;
  }

  async function credentials(logins: Record<string, string> | undefined, id: string) {
    if (basicFlow) {
      const { Token } = await callCognito<{ Token?: string }>(call, "GetOpenIdToken", {
        IdentityId: id,
        Logins: logins,
      });
      return assumeRoleWithWebIdentity(call, basicFlow, Token ?? "");
    }
    const { Credentials: c } = await callCognito<{
      Credentials?: {
        AccessKeyId?: string;
        SecretKey?: string;
        SessionToken?: string;
        Expiration?: number;
      };
    }>(call, "GetCredentialsForIdentity", {
      IdentityId: id,
      Logins: logins,
      CustomRoleArn: customRoleArn,
    });
    if (!c?.AccessKeyId || !c.SecretKey)
      throw new TypeError("Cognito Identity answered without credentials.");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration === undefined ? undefined : new Date(c.Expiration * 1000),
    };
  }

  const clearCachedIdentityId = async () => {
    identityId = undefined;
    if (key) await Promise.resolve(storage()?.removeItem(key)).catch(() => {});
  };

  const provider = async (): Promise<CognitoIdentityCredentials> => {
    const logins = await resolveLogins(options.logins);
    const id = await identity(logins);
    try {
      return { identityId: id, ...(await credentials(logins, id)) };
    } catch (error) {
      // A cached id the pool no longer knows (or no longer lets this user have) is forgotten,
      // so that the next try starts with a fresh GetId.
      await clearCachedIdentityId();
      throw error;
    }
  };
  return Object.assign(provider, { clearCachedIdentityId });
}
