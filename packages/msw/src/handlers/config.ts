import { CredentialStore, isCredentialStore } from "../credentials/credential-store";
import type { ModelFn } from "./model-types";
import { type BaseUrl, parseBaseUrl } from "./route";
import { DEFAULT_SESSION_TTL_SECONDS } from "./sessions/session-store";
import type { MockCredentials, SageMakerHandlersOptions } from "./types";

/**
 * The AWS documentation's example key: what the mock accepts when given no credentials.
 * Not frozen: AWS SDK clients tag the credentials object they are given.
 */
export const demoCredentials: MockCredentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export const DEFAULT_ACCOUNT_ID = "123456789012";
export const DEFAULT_VARIANT = "AllTraffic";
const FIVE_MINUTES = 5 * 60_000;

export interface ResolvedEndpoint {
  model: ModelFn;
  variants: readonly string[];
  /** Set when the mock plays the container's side of stateful sessions. */
  sessions: { ttlSeconds: number } | undefined;
}

export interface ResolvedConfig {
  endpoints: ReadonlyMap<string, ResolvedEndpoint>;
  credentials: CredentialStore;
  accountId: string;
  region: string | undefined;
  now: () => number;
  baseUrls: readonly BaseUrl[];
  maxSkewMs: number;
  verifySignatures: boolean;
}

export function resolveConfig(options: SageMakerHandlersOptions): ResolvedConfig {
  const endpoints = new Map<string, ResolvedEndpoint>();
  for (const [name, definition] of Object.entries(options.endpoints)) {
    const config = typeof definition === "function" ? { model: definition } : definition;
    const variants = config.variants?.length ? [...config.variants] : [DEFAULT_VARIANT];
    let sessions: ResolvedEndpoint["sessions"];
    if (config.sessions !== undefined) {
      const ttlSeconds = config.sessions.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
      if (!(ttlSeconds > 0)) throw new RangeError(`${name}: sessions.ttlSeconds must be positive`);
      sessions = { ttlSeconds };
    }
    endpoints.set(name, { model: config.model, variants, sessions });
  }
  const credentials = isCredentialStore(options.credentials)
    ? options.credentials
    : new CredentialStore(options.credentials ?? [demoCredentials]);
  return {
    endpoints,
    credentials,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region: options.region,
    now: options.now ?? Date.now,
    baseUrls: (options.hosts ?? []).map(parseBaseUrl),
    maxSkewMs: options.maxSkewMs ?? FIVE_MINUTES,
    verifySignatures: options.verifySignatures ?? true,
  };
}
