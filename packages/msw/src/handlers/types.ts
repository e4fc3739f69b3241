import type { RequestHandler } from "msw";
import type { FaultQueue } from "./faults";

export type OperationName =
  | "InvokeEndpoint"
  | "InvokeEndpointWithResponseStream"
  | "InvokeEndpointAsync";

/** What a model sees of an InvokeEndpoint request. Header-bound fields are as sent. */
export interface ModelRequest {
  endpointName: string;
  /** The production variant serving this request. */
  variant: string;
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
  contentType: string | undefined;
  accept: string | undefined;
  customAttributes: string | undefined;
  targetModel: string | undefined;
  targetVariant: string | undefined;
  targetContainerHostname: string | undefined;
  inferenceId: string | undefined;
  inferenceComponentName: string | undefined;
  sessionId: string | undefined;
  enableExplanations: string | undefined;
  /** Every request header, names in lowercase. */
  headers: Readonly<Record<string, string>>;
}

export interface ModelOutput {
  /** Bytes, text, or anything else (sent as JSON). */
  body: string | Uint8Array | object | number | boolean | null;
  /** Default: `application/json`. */
  contentType?: string;
  customAttributes?: string;
  /** Sent as `X-Amzn-SageMaker-New-Session-Id`, e.g. `abc; Expires=2026-11-24T12:20:00Z`. */
  newSessionId?: string;
  closedSessionId?: string;
}

/** A model: throw (or throw `modelError(status, message)`) to answer 424 ModelError. */
export type ModelFn = (request: ModelRequest) => ModelOutput | Promise<ModelOutput>;

export interface EndpointConfig {
  model: ModelFn;
  /** Production variants; the first serves requests without a TargetVariant. Default: `["AllTraffic"]`. */
  variants?: readonly string[];
}

export type EndpointDefinition = ModelFn | EndpointConfig;

export interface MockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface SageMakerHandlersOptions {
  endpoints: Readonly<Record<string, EndpointDefinition>>;
  /** Who may sign. Default: `[demoCredentials]`. */
  credentials?: readonly MockCredentials[];
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
}

export interface SageMakerMock {
  /** Pass to `setupServer(...handlers)` / `setupWorker(...handlers)`. */
  handlers: RequestHandler[];
  /** Every request that arrived, oldest first. */
  requests: ReceivedRequest[];
  faults: FaultQueue;
  /** Clears the request log, the fault queue and the latency. */
  reset(): void;
}
