import { CredentialStore, isCredentialStore } from "../credentials/CredentialStore";
import { DEFAULT_SEED } from "../internal/prng";
import type { EndpointConfig, ModelFn } from "./modelTypes";
import { type BaseUrl, parseBaseUrl } from "./route";
import { DEFAULT_SESSION_TTL_SECONDS } from "./sessions/SessionStore";
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
  /** The variants' weights, in the same order. */
  weights: readonly number[];
  /** Multi-model endpoint: the models a TargetModel may name. */
  models: readonly string[] | undefined;
  /** The inference components an InferenceComponentName may name. */
  inferenceComponents: readonly string[] | undefined;
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
  /** Seed of the PRNG that draws variants and latencies. */
  seed: number;
}

export function resolveConfig(options: SageMakerHandlersOptions): ResolvedConfig {
  const endpoints = new Map<string, ResolvedEndpoint>();
  for (const [name, definition] of Object.entries(options.endpoints)) {
    const config = typeof definition === "function" ? { model: definition } : definition;
    const { variants, weights } = resolveVariants(name, config.variants);
    let sessions: ResolvedEndpoint["sessions"];
    if (config.sessions !== undefined) {
      const ttlSeconds = config.sessions.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
      if (!(ttlSeconds > 0)) throw new RangeError(`${name}: sessions.ttlSeconds must be positive`);
      sessions = { ttlSeconds };
    }
    endpoints.set(name, {
      model: config.model,
      variants,
      weights,
      models: nonEmpty(name, "models", config.models),
      inferenceComponents: nonEmpty(name, "inferenceComponents", config.inferenceComponents),
      sessions,
    });
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
    seed: options.seed ?? DEFAULT_SEED,
  };
}

function resolveVariants(
  endpoint: string,
  given: EndpointConfig["variants"],
): { variants: string[]; weights: number[] } {
  if (!given?.length) return { variants: [DEFAULT_VARIANT], weights: [1] };
  const variants: string[] = [];
  const weights: number[] = [];
  for (const variant of given) {
    const { name, weight = 1 } = typeof variant === "string" ? { name: variant } : variant;
    if (variants.includes(name)) throw new RangeError(`${endpoint}: variant ${name} given twice`);
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`${endpoint}: variant ${name} needs a weight ≥ 0, got ${weight}`);
    }
    variants.push(name);
    weights.push(weight);
  }
  if (!(weights.reduce((a, b) => a + b, 0) > 0)) {
    throw new RangeError(`${endpoint}: the variants' weights must not all be 0`);
  }
  return { variants, weights };
}

function nonEmpty(
  endpoint: string,
  option: string,
  list: readonly string[] | undefined,
): readonly string[] | undefined {
  if (list === undefined) return undefined;
  if (list.length === 0) throw new RangeError(`${endpoint}: ${option} must not be empty`);
  return [...list];
}
