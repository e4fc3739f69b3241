// Keys

// Decoding and shared types
export { decodeBody } from "./decodeBody";
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
export {
  type InvokeEndpointStreamQueryOptions,
  type InvokeEndpointStreamQueryOptionsResult,
  invokeEndpointStreamQueryOptions,
} from "./invokeEndpointStreamQueryOptions";
// Streamed answers
export { readStreamEvents, type StreamFormat, type StreamOutput } from "./readStream";
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
