import { memoizeCredentials } from "../credentials/memoizeCredentials";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "../credentials/types";
import {
  checkBearerTokenOptions,
  createBearerToken,
  MAX_BEARER_TOKEN_LIFETIME,
} from "./createBearerToken";

/** Gives a bearer token good for a while yet; `{ forceRefresh: true }` makes a new one. */
export type BearerTokenSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

export interface BearerTokenSourceOptions {
  /** Credentials, or any async provider of them (the AWS SDK's, `fromCognitoIdentityPool`, …). */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The region of the endpoints the tokens are for, e.g. `us-east-1`. */
  region: string;
  /**
   * Lifetime of each token, in whole seconds, 1 to 43,200.
   * @default 43200
   */
  expiresIn?: number;
  /**
   * A token is replaced this many seconds before it (or the credentials it was made from)
   * expires, so that a request never leaves with a token about to lapse.
   * @default 300, or a quarter of `expiresIn` if that is less
   */
  renewBefore?: number;
  /**
   * The clock, in milliseconds since the epoch.
   * @default Date.now (read at each call)
   */
  now?: () => number;
}

/**
 * A source of bearer tokens for the OpenAI-compatible route: it makes one, gives it until it
 * comes within `renewBefore` of its expiry or of its credentials' expiry, then makes the next.
 * Credentials come from the provider through the same memoizing as the client's (one call for
 * many concurrent requests, refreshed before they expire).
 * @example
 * const tokens = createBearerTokenSource({ credentials: fromCognitoIdentityPool({...}), region });
 * const headers = { authorization: `Bearer ${await tokens()}` };
 */
export function createBearerTokenSource(options: BearerTokenSourceOptions): BearerTokenSource {
  const { region, expiresIn = MAX_BEARER_TOKEN_LIFETIME } = options;
  checkBearerTokenOptions(region, expiresIn);
  const renewMs = 1000 * (options.renewBefore ?? Math.min(300, expiresIn / 4));
  const credentials = memoizeCredentials(options.credentials);
  let cached:
    | { token: string; renewAt: number; credentials: AwsCredentialIdentity; theirs: boolean }
    | undefined;

  return async ({ forceRefresh = false } = {}) => {
    const now = options.now ?? Date.now;
    if (cached && !forceRefresh && now() < cached.renewAt) return cached.token;
    // When the credentials are what runs out, the provider is asked for new ones (once, however
    // many calls arrive), even if its own clock does not see them expiring yet.
    const given = await credentials(forceRefresh || (cached?.theirs ? cached.credentials : false));
    // The token's life counts from its X-Amz-Date, which drops the milliseconds.
    const signedAt = Math.floor(now() / 1000) * 1000;
    const token = createBearerToken({
      credentials: given,
      region,
      expiresIn,
      signingDate: new Date(signedAt),
    });
    const tokenEnds = signedAt + expiresIn * 1000;
    const credentialsEnd = given.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
    cached = {
      token,
      renewAt: Math.min(tokenEnds, credentialsEnd) - renewMs,
      credentials: given,
      theirs: credentialsEnd < tokenEnds,
    };
    return token;
  };
}
