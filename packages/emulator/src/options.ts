import type {
  CognitoIdentityHandlersOptions,
  CognitoIdentityMock,
  CredentialStore,
  EndpointDefinition,
  LatencyRange,
  MockCredentials,
  SageMakerMock,
  StreamOptions,
} from "@sagefetch/msw";

export interface EmulatorOptions {
  /** Default: 8080. `0` picks a free port (read it from `url`). */
  port?: number;
  /**
   * Default: `127.0.0.1` (loopback only). Binding another address opens the control API to
   * whoever reaches it by that address: set `controlToken` then.
   */
  host?: string;
  /** Default: `demoEndpoints` (echo, sentiment, chat, tabular, flaky, slow). */
  endpoints?: Readonly<Record<string, EndpointDefinition>>;
  /** Who may sign. Default: `[demoCredentials]` (AKIDEXAMPLE). */
  credentials?: readonly MockCredentials[] | CredentialStore;
  /**
   * Answer CORS preflights and add `Access-Control-Allow-Origin` / `-Expose-Headers` to every
   * SageMaker Runtime answer, for browser clients. Default: false, as the service itself.
   */
  cors?: boolean;
  /** Wait this long before answering every request, `/ping` included, up to 300,000. Default: 0. */
  latencyMs?: number;
  /**
   * Latency of every SageMaker Runtime request: fixed ms, or `{ min, max }` drawn per request
   * from the seeded PRNG, up to 300,000 ms. `reset()` restores it. Default: none.
   */
  latency?: number | LatencyRange;
  /** Faults queued at start, e.g. `["throttle:2", "status:503,500", "cut-stream:3"]`. */
  faults?: readonly string[];
  /** The server clock's distance from the real one, in ms, within ±30 days. Default: 0. */
  clockSkewMs?: number;
  /** Seed of the PRNG behind variants and latency ranges. Default: a fixed seed. */
  seed?: number;
  /** Check SigV4 signatures. Default: true. */
  verifySignatures?: boolean;
  /** Refuse signatures scoped to another region. Default: any region. */
  region?: string;
  /** Chunking and pacing of streamed answers. */
  stream?: StreamOptions;
  /**
   * Serve Amazon Cognito Identity at `cognitoUrl` and STS at `stsUrl` too, issuing credentials
   * the SageMaker side accepts until they expire. These answer CORS always, as the services do.
   */
  cognito?: Omit<CognitoIdentityHandlersOptions, "issueTo" | "hosts" | "stsHosts" | "now">;
  /**
   * Requests kept in `mock.requests`, the oldest dropped first, so that a long-running emulator
   * under load does not grow without end. Default: 10,000.
   */
  maxRequestLog?: number;
  /** Bytes of request bodies kept in `mock.requests` in total. Default: 32 MiB. */
  maxRequestLogBytes?: number;
  /** Bytes kept of each request's body in `mock.requests` (its first ones). Default: 64 KiB. */
  maxLoggedBodyBytes?: number;
  /** Serve the `/_emulator/` control API (faults, clock, reset, requests). Default: true. */
  admin?: boolean;
  /**
   * A secret every control API call must carry as `Authorization: Bearer <token>`. Default: none
   * (loopback host names and JSON bodies only, which keeps web pages out).
   */
  controlToken?: string;
  /**
   * Called with one line per request: method, path, status, ms, endpoint, and why, for a
   * request that got no answer. Default: none.
   */
  log?: (line: string) => void;
}

export interface Emulator {
  /** The base URL to give a client as its `endpoint`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** The SageMaker mock behind the server: its request log, fault queue, stream settings… */
  mock: SageMakerMock;
  /** The Cognito Identity and STS mock, when `cognito` was given. */
  cognito: CognitoIdentityMock | undefined;
  /** Cognito Identity's endpoint (`fromCognitoIdentityPool({ endpoint })`), with `cognito`. */
  cognitoUrl: string | undefined;
  /** STS's endpoint, with `cognito`. */
  stsUrl: string | undefined;
  /** Moves the server clock (SageMaker and Cognito alike) this far from the real one. */
  setClockSkew(ms: number): void;
  /**
   * Back to how it started: the mocks reset (request log, faults, sessions, stream settings),
   * the clock skew and latency of the options. The control API's `reset` does this.
   */
  reset(): void;
  /** Stops accepting connections, ends idle ones, and resolves once the server is closed. */
  close(): Promise<void>;
}
