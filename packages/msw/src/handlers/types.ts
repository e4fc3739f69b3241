import type { RequestHandler } from "msw";
import type { CredentialStore } from "../credentials/CredentialStore";
import type { AsyncResults } from "./async/AsyncResults";
import type { FaultQueue } from "./FaultQueue";
import type { EndpointDefinition } from "./modelTypes";
import type { SessionStore } from "./sessions/SessionStore";
import type { StreamOptions, StreamSettings } from "./streaming/StreamSettings";

export type OperationName =
  | "InvokeEndpoint"
  | "InvokeEndpointWithResponseStream"
  | "InvokeEndpointAsync";

export interface MockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface SageMakerHandlersOptions {
  endpoints: Readonly<Record<string, EndpointDefinition>>;
  /**
   * Who may sign. Default: `[demoCredentials]`. A `CredentialStore` is used as it is (shared
   * with `cognitoIdentityHandlers`, say); a list is copied into a new one (`mock.credentials`).
   */
  credentials?: readonly MockCredentials[] | CredentialStore;
  /** Default: `123456789012`. */
  accountId?: string;
  /** When set, signatures scoped to another region are refused. On an AWS host name, the host's region is required anyway. */
  region?: string;
  /** The server's clock in epoch ms (skew it to test clock correction). Default: `Date.now`. */
  now?: () => number;
  /** Extra base URLs to answer on, besides every `runtime.sagemaker.*` host: `http://localhost:8080/prefix`. */
  hosts?: readonly string[];
  /** Allowed distance between X-Amz-Date and the server clock. Default: 5 minutes. */
  maxSkewMs?: number;
  /** Default: true. */
  verifySignatures?: boolean;
  /** How InvokeEndpointWithResponseStream answers are cut and paced (`mock.stream` changes them). */
  stream?: StreamOptions;
  /**
   * Seed of the PRNG that draws production variants and ranged latencies; `reset()` restarts
   * its sequence. Default: a fixed seed, so runs are deterministic.
   */
  seed?: number;
}

/** One request as it arrived, for assertions. */
export interface ReceivedRequest {
  operation: OperationName | undefined;
  endpointName: string | undefined;
  method: string;
  url: string;
  /** Names in lowercase. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The access key id whose signature verified; undefined when it did not (or was not checked). */
  accessKeyId: string | undefined;
  /** The `x-amzn-RequestId` answered. */
  requestId: string;
  /** Status answered; 0 for a dropped connection. */
  status: number;
  /** InvokeEndpointWithResponseStream: PayloadPart messages put on the wire so far. */
  streamedParts: number | undefined;
}

export interface SageMakerMock {
  /** Pass to `setupServer(...handlers)` / `setupWorker(...handlers)`. */
  handlers: RequestHandler[];
  /** Every request that arrived, oldest first. */
  requests: ReceivedRequest[];
  faults: FaultQueue;
  /**
   * Who may sign, looked up on every request: `mock.credentials.add(...)` accepts more keys from
   * then on. `reset()` leaves it alone (`mock.credentials.reset()` restores the initial list).
   */
  credentials: CredentialStore;
  /** Chunking and pacing of streamed answers, from `options.stream`; reset() restores them. */
  stream: StreamSettings;
  /** InvokeEndpointAsync invocations by inference id, with their status and output. */
  asyncResults: AsyncResults;
  /** Open stateful sessions of the endpoints that have `sessions` enabled. */
  sessions: SessionStore;
  /**
   * Clears the request log, the fault queue and latency, stream settings, async results,
   * sessions and the endpoints' invocation counts. Requests still waiting out a latency or delay end with
   * a network error, so that a test's leftovers never take the next test's faults.
   */
  reset(): void;
}
