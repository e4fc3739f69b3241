import { CredentialStore, isCredentialStore } from "../credentials/CredentialStore";
import { DEFAULT_ACCOUNT_ID } from "../handlers/config";
import { type BaseUrl, parseBaseUrl } from "../handlers/route";
import type { CognitoIdentityHandlersOptions, LoginValidator, OpenIdClaims } from "./types";

/** Cognito Identity's pattern for pool and identity ids. */
export const ID_PATTERN: RegExp = /^[\w-]+:[0-9a-f-]+$/;

export interface ResolvedPool {
  id: string;
  /** The region the id starts with. */
  region: string;
  allowUnauthenticated: boolean;
  allowClassicFlow: boolean;
  providers: ReadonlyMap<string, LoginValidator>;
  /** Undefined: no role of that kind. */
  authenticatedRole: string | undefined;
  unauthenticatedRole: string | undefined;
}

export interface CognitoConfig {
  pools: ReadonlyMap<string, ResolvedPool>;
  credentials: CredentialStore;
  credentialTtlSeconds: number;
  openIdTokenTtlSeconds: number;
  maxSessionDurationSeconds: number;
  canAssumeRole: (roleArn: string, claims: OpenIdClaims) => boolean;
  now: () => number;
  region: string | undefined;
  hosts: readonly BaseUrl[];
  stsHosts: readonly BaseUrl[];
  accountId: string;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`${name} must be a positive integer`);
  return n;
}

export function resolveCognitoConfig(options: CognitoIdentityHandlersOptions): CognitoConfig {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const role = (value: string | false | undefined, kind: string) =>
    value === false ? undefined : (value ?? `arn:aws:iam::${accountId}:role/Cognito_${kind}_Role`);
  const pools = new Map<string, ResolvedPool>();
  for (const [id, pool] of Object.entries(options.identityPools)) {
    if (!ID_PATTERN.test(id) || id.length > 55) {
      throw new TypeError(`identityPools: '${id}' is not an identity pool id (us-east-1:1a2b…)`);
    }
    pools.set(id, {
      id,
      region: id.slice(0, id.indexOf(":")),
      allowUnauthenticated: pool.allowUnauthenticated ?? true,
      allowClassicFlow: pool.allowClassicFlow ?? true,
      providers: new Map(Object.entries(pool.providers ?? {})),
      authenticatedRole: role(pool.roles?.authenticated, "Auth"),
      unauthenticatedRole: role(pool.roles?.unauthenticated, "Unauth"),
    });
  }
  const issueTo = options.issueTo;
  return {
    pools,
    credentials: isCredentialStore(issueTo)
      ? issueTo
      : (issueTo?.credentials ?? new CredentialStore()),
    credentialTtlSeconds: positive(options.credentialTtlSeconds, 3600, "credentialTtlSeconds"),
    openIdTokenTtlSeconds: positive(options.openIdTokenTtlSeconds, 600, "openIdTokenTtlSeconds"),
    maxSessionDurationSeconds: positive(
      options.maxSessionDurationSeconds,
      3600,
      "maxSessionDurationSeconds",
    ),
    canAssumeRole: options.canAssumeRole ?? (() => true),
    now: options.now ?? Date.now,
    region: options.region,
    hosts: (options.hosts ?? []).map(parseBaseUrl),
    stsHosts: (options.stsHosts ?? []).map(parseBaseUrl),
    accountId,
  };
}
