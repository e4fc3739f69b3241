import type {
  AbortError,
  ChatStreamError,
  CorsBlockedError,
  CredentialsProviderError,
  EndpointError,
  EventStreamError,
  InvokeEndpointCommandInput,
  InvokeEndpointCommandOutput,
  SageMakerRuntimeServiceException,
  SessionExpiredError,
  TimeoutError,
} from "@sagefetch/core";

/**
 * What a query or mutation puts in `error`: the service's typed errors (`ValidationError`,
 * `ModelError`, `ModelNotReadyException`, ...), the client's own (`AbortError`, `TimeoutError`,
 * `EndpointError`, `CredentialsProviderError`, `CorsBlockedError`), a broken response stream
 * (`EventStreamError`), a chat stream of no known format or one the model reported an error in
 * (`ChatStreamError`), a session that is gone (`SessionExpiredError`), or the `TypeError` of
 * a failed `fetch`.
 * Narrow it with `instanceof` or `SageMakerRuntimeServiceException.isInstance`.
 */
export type SageMakerError =
  | SageMakerRuntimeServiceException
  | AbortError
  | TimeoutError
  | EndpointError
  | CredentialsProviderError
  | CorsBlockedError
  | EventStreamError
  | ChatStreamError
  | SessionExpiredError
  | TypeError;

/**
 * Turns an InvokeEndpoint answer into the value a query or mutation gives as `data`.
 * @example (output) => JSON.parse(output.Body.transformToString()) as Prediction[]
 */
export type Decoder<TData> = (
  output: InvokeEndpointCommandOutput,
  input: InvokeEndpointCommandInput,
) => TData | Promise<TData>;

/** What an invoke mutation resolves with: the decoded body, and the whole output (headers, metadata). */
export interface InvokeResult<TData> {
  data: TData;
  output: InvokeEndpointCommandOutput;
}

/**
 * An input with some fields given in advance (`defaults`): those become optional.
 * Without defaults it is the whole input, so a missing `EndpointName` is a type error.
 */
export type InputWithDefaults<TInput, TDefaults> = Omit<TInput, keyof TDefaults> &
  Partial<Pick<TInput, keyof TDefaults & keyof TInput>>;

/** Query options each adapter types its own way: results leave them out of their type. */
export type AdapterTypedOption = "enabled" | "persister";
