import type { OperationName } from "./types";

/** A stateful session the mock keeps for an endpoint with `sessions` enabled. */
export interface ModelSession {
  id: string;
  expiresAt: Date;
  /** The model's own state for this session (chat history, ...): kept between calls. */
  state: Record<string, unknown>;
}

/** What a model sees of a request. Header-bound fields are as sent. */
export interface ModelRequest {
  operation: OperationName;
  endpointName: string;
  /** The production variant serving this request. */
  variant: string;
  /** The payload; for InvokeEndpointAsync with an InputLocation, that location as UTF-8. */
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
  contentType: string | undefined;
  /** `Accept`, or `X-Amzn-SageMaker-Accept` for the stream and async operations. */
  accept: string | undefined;
  customAttributes: string | undefined;
  targetModel: string | undefined;
  targetVariant: string | undefined;
  targetContainerHostname: string | undefined;
  inferenceId: string | undefined;
  inferenceComponentName: string | undefined;
  sessionId: string | undefined;
  enableExplanations: string | undefined;
  /** InvokeEndpointAsync: the `X-Amzn-SageMaker-InputLocation` the payload would be read from. */
  inputLocation: string | undefined;
  /** The open session this request belongs to (endpoints with `sessions` enabled). */
  session: ModelSession | undefined;
  /** 1 for this endpoint's first call since the mock was made or reset, then 2, 3, ... */
  invocation: number;
  /** Every request header, names in lowercase. */
  headers: Readonly<Record<string, string>>;
}

/** A chunk of a streamed answer: bytes, or text sent as UTF-8. */
export type StreamChunk = Uint8Array | string;

interface OutputCommon {
  /** Default: `application/json`. */
  contentType?: string;
  customAttributes?: string;
  /** Sent as `X-Amzn-SageMaker-New-Session-Id`, e.g. `abc; Expires=2026-11-24T12:20:00Z`. */
  newSessionId?: string;
  closedSessionId?: string;
}

export interface ModelBodyOutput extends OutputCommon {
  /** Bytes, text, or anything else (sent as JSON). */
  body: string | Uint8Array | object | number | boolean | null;
}

/**
 * A streamed answer: for InvokeEndpointWithResponseStream each chunk is one PayloadPart; for
 * the other operations the chunks are joined into one body. Throw from the stream (see
 * `modelStreamError`) to end it with an error.
 */
export interface ModelStreamOutput extends OutputCommon {
  stream: AsyncIterable<StreamChunk> | Iterable<StreamChunk>;
}

export type ModelOutput = ModelBodyOutput | ModelStreamOutput;

/** A model: throw (or throw `modelError(status, message)`) to answer 424 ModelError. */
export type ModelFn = (request: ModelRequest) => ModelOutput | Promise<ModelOutput>;

export interface SessionOptions {
  /** How long a new session lives. Default: 1200 (20 minutes). */
  ttlSeconds?: number;
}

/** A production variant and its share of traffic (default weight 1). */
export interface VariantConfig {
  name: string;
  weight?: number;
}

export interface EndpointConfig {
  model: ModelFn;
  /**
   * Production variants: names (equal weights) or `{ name, weight }`. Requests without a
   * TargetVariant go to one drawn by weight (seeded, see the `seed` option). Default: `["AllTraffic"]`.
   */
  variants?: readonly (string | VariantConfig)[];
  /** A multi-model endpoint: InvokeEndpoint must name one of these as `TargetModel`. */
  models?: readonly string[];
  /** Inference components: InvokeEndpoint(WithResponseStream) must name one as `InferenceComponentName`. */
  inferenceComponents?: readonly string[];
  /** Play the container's side of stateful sessions (`NEW_SESSION`, `CLOSE`, expiry). */
  sessions?: SessionOptions;
}

export type EndpointDefinition = ModelFn | EndpointConfig;
