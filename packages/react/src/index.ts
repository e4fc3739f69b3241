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

export { invalidateSageMakerQueries } from "./invalidateSageMakerQueries";
export {
  type InvokeEndpointQueryOptions,
  type InvokeEndpointQueryOptionsResult,
  invokeEndpointQueryOptions,
} from "./invokeEndpointQueryOptions";
export {
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  type InvokeKeyFields,
  type SageMakerEndpointKey,
  type SageMakerRootKey,
  sageMakerKeys,
} from "./sageMakerKeys";
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

// Decoding and shared types

export { decodeBody } from "./decodeBody";
export type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "./types";
