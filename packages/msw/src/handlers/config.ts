import { type BaseUrl, parseBaseUrl } from "./route";
import type { MockCredentials, ModelFn, SageMakerHandlersOptions } from "./types";

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
}

export interface ResolvedConfig {
  endpoints: ReadonlyMap<string, ResolvedEndpoint>;
  credentials: ReadonlyMap<string, MockCredentials>;
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
    endpoints.set(name, { model: config.model, variants });
  }
  const credentials = new Map<string, MockCredentials>();
  for (const credential of options.credentials ?? [demoCredentials]) {
    credentials.set(credential.accessKeyId, credential);
  }
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
