// Provider

// Decoding, shared types, option factories and keys: from @sagefetch/query, shared with every
// TanStack Query adapter.
export {
  type Decoder,
  decodeBody,
  type InputWithDefaults,
  type InvokeEndpointMutationOptions,
  type InvokeEndpointMutationOptionsResult,
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  type InvokeEndpointQueryOptions,
  type InvokeEndpointQueryOptionsResult,
  type InvokeEndpointStreamQueryInput,
  type InvokeEndpointStreamQueryKey,
  type InvokeEndpointStreamQueryOptions,
  type InvokeEndpointStreamQueryOptionsResult,
  type InvokeKeyFields,
  type InvokeResult,
  invalidateSageMakerQueries,
  invokeEndpointMutationOptions,
  invokeEndpointQueryOptions,
  invokeEndpointStreamQueryOptions,
  type SageMakerEndpointKey,
  type SageMakerError,
  type SageMakerRootKey,
  type StreamFormat,
  sageMakerKeys,
} from "@sagefetch/query";
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
export { SageMakerProvider, type SageMakerProviderProps } from "./SageMakerProvider";
// Imperative inference
export {
  type UseInvokeEndpointOptions,
  type UseInvokeEndpointResult,
  useInvokeEndpoint,
} from "./useInvokeEndpoint";
// Cached inference
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
