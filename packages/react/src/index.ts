// Provider

// Decoding and shared types
export { decodeBody } from "./decodeBody";
export type { PieceFormat } from "./internal/readPieces";
// Stateful sessions
export type {
  OpenedSessionView,
  OpeningSessionView,
  OpenSession,
  SessionCallInput,
  SessionCalls,
  SessionFields,
  SessionStreamInput,
  SessionView,
} from "./internal/SessionKeeper";
export type { StreamSnapshot, StreamStatus } from "./internal/StreamStore";
export type { StreamOptions } from "./internal/useStream";
export { invalidateSageMakerQueries } from "./invalidateSageMakerQueries";
// Cached inference
export {
  type InvokeEndpointQueryOptions,
  type InvokeEndpointQueryOptionsResult,
  invokeEndpointQueryOptions,
} from "./invokeEndpointQueryOptions";
export { SageMakerProvider, type SageMakerProviderProps } from "./SageMakerProvider";
export {
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  type InvokeKeyFields,
  type SageMakerEndpointKey,
  type SageMakerRootKey,
  sageMakerKeys,
} from "./sageMakerKeys";
export type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "./types";
// Imperative inference
export {
  type UseInvokeEndpointOptions,
  type UseInvokeEndpointResult,
  useInvokeEndpoint,
} from "./useInvokeEndpoint";
export { useInvokeEndpointQuery } from "./useInvokeEndpointQuery";
// Streaming
export {
  type UseInvokeEndpointStreamOptions,
  type UseInvokeEndpointStreamResult,
  useInvokeEndpointStream,
} from "./useInvokeEndpointStream";
export {
  type InvokeEndpointSuspenseQueryOptions,
  useInvokeEndpointSuspenseQuery,
} from "./useInvokeEndpointSuspenseQuery";
export { useSageMakerClient } from "./useSageMakerClient";
export {
  type NotOpenSessionResult,
  type OpenSessionResult,
  type UseStatefulSessionOptions,
  type UseStatefulSessionResult,
  useStatefulSession,
} from "./useStatefulSession";
