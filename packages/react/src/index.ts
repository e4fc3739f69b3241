// The public API, by section. Each section opens with a comment and a blank line: Biome sorts
// the exports of a section, never across sections.

// Provider

export { SageMakerProvider, type SageMakerProviderProps } from "./SageMakerProvider";
export { useSageMakerClient } from "./useSageMakerClient";

// Imperative inference

export {
  type UseInvokeEndpointOptions,
  type UseInvokeEndpointResult,
  useInvokeEndpoint,
} from "./useInvokeEndpoint";

// Cached inference

export { useInvokeEndpointQuery } from "./useInvokeEndpointQuery";
export {
  type InvokeEndpointSuspenseQueryOptions,
  useInvokeEndpointSuspenseQuery,
} from "./useInvokeEndpointSuspenseQuery";

// Streaming

export type {
  PieceFormat,
  StreamEvent,
  StreamFinishReason,
  StreamOptions,
  StreamResult,
  StreamSnapshot,
  StreamStatus,
  StreamUsage,
} from "./streamTypes";
export {
  type UseInvokeEndpointStreamOptions,
  type UseInvokeEndpointStreamResult,
  useInvokeEndpointStream,
} from "./useInvokeEndpointStream";

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
  StatefulSessionOptions,
} from "./sessionTypes";
export {
  type NotOpenSessionResult,
  type OpenSessionResult,
  type UseStatefulSessionOptions,
  type UseStatefulSessionResult,
  useStatefulSession,
} from "./useStatefulSession";

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
