import { DEFAULT_CREDENTIALS_TIMEOUT_MS } from "../credentials/memoizeCredentials";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "../credentials/types";
import type { EndpointInput } from "../endpoint/resolveEndpoint";
import { relayBase } from "../endpoint/viaRelay";
import type { StandardRetryStrategy } from "../retry/StandardRetryStrategy";

/** A value, or an async function that gives it (as the AWS SDK's `Provider<T>`). */
export type ValueOrProvider<T> = T | (() => Promise<T>);

/** Where the client writes what it does. Nothing sensitive is ever passed to it. */
export interface Logger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/** Options of `SageMakerRuntimeClient`; the names are the AWS SDK's where it has them. */
export interface SageMakerRuntimeClientConfig {
  /**
   * The AWS region, e.g. `us-east-1`. `fips-us-east-1` and `us-east-1-fips` turn on FIPS.
   * @example "eu-west-1"
   */
  region?: ValueOrProvider<string>;
  /** Static credentials, or an async provider (refreshed 5 minutes before they expire). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * Milliseconds a call of the credentials provider may take (0: no limit; at most 2147483647).
   * A call that takes longer is dropped, its `abortSignal` fired, and the call that waited
   * fails with `CredentialsProviderError`; the next call asks the provider again.
   * @default 30000
   */
  credentialsTimeout?: number;
  /**
   * A custom endpoint instead of the region's, e.g. an emulator. A base path is kept.
   * @example "http://127.0.0.1:8080"
   */
  endpoint?: ValueOrProvider<EndpointInput>;
  /** @default false */
  useFipsEndpoint?: ValueOrProvider<boolean>;
  /** @default false */
  useDualstackEndpoint?: ValueOrProvider<boolean>;
  /**
   * Attempts per call, the first included.
   * @default 3
   */
  maxAttempts?: ValueOrProvider<number>;
  /**
   * Only `standard` is built in.
   * @default "standard"
   */
  retryMode?: ValueOrProvider<"standard">;
  /**
   * The retry strategy, shared by every call of the client (its retry quota is). Pass your
   * own `StandardRetryStrategy` to change its numbers, e.g. `STANDARD_LEGACY`.
   * @default new StandardRetryStrategy()
   */
  retryStrategy?: StandardRetryStrategy;
  /** Milliseconds to add to the local clock when signing; learned from skew errors. */
  systemClockOffset?: number;
  logger?: Logger;
  /**
   * The fetch to send with. Looked up on `globalThis` at each call when not given, so that
   * mocks and instrumentation installed later still apply.
   */
  fetch?: typeof fetch;
  /**
   * Milliseconds an attempt may take, reading the whole answer included (0: no limit; at most
   * 2147483647, the longest delay a timer takes).
   * @default 70000
   */
  requestTimeout?: number;
  /**
   * The URL of a `@sagefetch/relay`, for browsers: SageMaker Runtime does not answer CORS, so a
   * page cannot call it directly. The client still signs for the real host (or `endpoint`),
   * and sends to `{relay}/{host}/endpoints/...`; the relay forwards the request unchanged and
   * adds CORS to the answer. It never sees a secret. A base path is kept.
   * @default undefined (call the host directly)
   * @example "https://relay.example.com"
   */
  relay?: string | URL;
}

/** The settings that say where a call goes and how often it may try, as read for one call. */
export interface TargetSettings {
  region: string;
  endpoint: EndpointInput | undefined;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  maxAttempts: number;
}

/** The configuration after defaults, with the values that change over time read at use. */
export interface ResolvedConfig {
  /** Reads the target settings, calling the ones given as functions. */
  targetSettings: () => Promise<TargetSettings>;
  /** The target settings when none is a function: then a call's target can be reused. */
  fixedTargetSettings: TargetSettings | undefined;
  requestTimeout: number;
  credentialsTimeout: number;
  logger: Logger | undefined;
  fetch: typeof fetch | undefined;
  relay: URL | undefined;
}

/** Each setting as given, or its default. */
function targetSettingsOf(config: SageMakerRuntimeClientConfig) {
  return {
    region: config.region ?? "",
    endpoint: config.endpoint,
    useFipsEndpoint: config.useFipsEndpoint ?? false,
    useDualstackEndpoint: config.useDualstackEndpoint ?? false,
    maxAttempts: config.maxAttempts ?? 3,
  };
}

/** A setting's value: the value given, or what the function given returns. */
const read = <T>(setting: ValueOrProvider<T>): T | Promise<T> =>
  typeof setting === "function" ? (setting as () => Promise<T>)() : setting;

/** Reads the settings given as functions at each call, all at once. */
function readTargetSettings(given: ReturnType<typeof targetSettingsOf>) {
  return async (): Promise<TargetSettings> => {
    const [region, endpoint, useFipsEndpoint, useDualstackEndpoint, maxAttempts] =
      await Promise.all([
        read(given.region),
        read(given.endpoint),
        read(given.useFipsEndpoint),
        read(given.useDualstackEndpoint),
        read(given.maxAttempts),
      ]);
    return { region, endpoint, useFipsEndpoint, useDualstackEndpoint, maxAttempts };
  };
}

/** The longest delay timers take: beyond, setTimeout fires at once in every runtime. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function milliseconds(name: string, value: number | undefined, fallback: number): number {
  const ms = value ?? fallback;
  if (typeof ms !== "number" || !(ms >= 0 && ms <= MAX_TIMER_MS)) {
    throw new TypeError(
      `${name} must be a number of milliseconds from 0 (none) to ${MAX_TIMER_MS}`,
    );
  }
  return ms;
}

/** Merges the options with their defaults, in one place. */
export function resolveConfig(config: SageMakerRuntimeClientConfig): ResolvedConfig {
  const given = targetSettingsOf(config);
  const fixed = Object.values(given).every((setting) => typeof setting !== "function");
  return {
    targetSettings: readTargetSettings(given),
    fixedTargetSettings: fixed ? (given as TargetSettings) : undefined,
    requestTimeout: milliseconds("requestTimeout", config.requestTimeout, 70_000),
    credentialsTimeout: milliseconds(
      "credentialsTimeout",
      config.credentialsTimeout,
      DEFAULT_CREDENTIALS_TIMEOUT_MS,
    ),
    logger: config.logger,
    fetch: config.fetch,
    relay: config.relay === undefined ? undefined : relayBase(config.relay),
  };
}
