// Keys

// Decoding and shared types
export { decodeBody } from "./decodeBody";
export type { StreamFormat } from "./internal/readPieces";
export { invalidateSageMakerQueries } from "./invalidateSageMakerQueries";

// Inference on demand
export {
  type InvokeEndpointMutationOptions,
  type InvokeEndpointMutationOptionsResult,
  invokeEndpointMutationOptions,
} from "./invokeEndpointMutationOptions";
// Cached inference
export {
  type InvokeEndpointQueryOptions,
  type InvokeEndpointQueryOptionsResult,
  invokeEndpointQueryOptions,
} from "./invokeEndpointQueryOptions";
// Streamed answers
export {
  type InvokeEndpointStreamQueryOptions,
  type InvokeEndpointStreamQueryOptionsResult,
  invokeEndpointStreamQueryOptions,
} from "./invokeEndpointStreamQueryOptions";
export {
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  type InvokeEndpointStreamQueryInput,
  type InvokeEndpointStreamQueryKey,
  type InvokeKeyFields,
  type SageMakerEndpointKey,
  type SageMakerRootKey,
  sageMakerKeys,
} from "./sageMakerKeys";
export type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "./types";
