// @sagefetch/core: the SageMaker Runtime client. Each section opens with a comment and a blank
// line: Biome's import sorter sorts the exports of a section, never across sections.

// The client

export type { Logger, SageMakerRuntimeClientConfig, ValueOrProvider } from "./client/config";
export { SageMakerRuntime } from "./client/SageMakerRuntime";
export { SageMakerRuntimeClient, type SendOptions } from "./client/SageMakerRuntimeClient";

// Commands

export {
  InvokeEndpointAsyncCommand,
  type InvokeEndpointAsyncCommandInput,
  type InvokeEndpointAsyncCommandOutput,
} from "./commands/InvokeEndpointAsyncCommand";
export {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type InvokeEndpointCommandOutput,
} from "./commands/InvokeEndpointCommand";
export {
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandInput,
  type InvokeEndpointWithResponseStreamCommandOutput,
} from "./commands/InvokeEndpointWithResponseStreamCommand";
export {
  Command,
  type DeserializeContext,
  type MetadataBearer,
  type Operation,
  type SerializedRequest,
} from "./commands/Operation";

// Credentials

export { type CredentialSource, memoizeCredentials } from "./credentials/memoizeCredentials";
export {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  CredentialsProviderError,
} from "./credentials/types";

// Endpoints

export type { EndpointInput } from "./endpoint/resolveEndpoint";

// Errors

export {
  AbortError,
  CorsBlockedError,
  EndpointError,
  RelayUnreachableError,
  TimeoutError,
} from "./errors/clientErrors";
export { isRetryableError, isThrottlingError } from "./errors/errorGuards";
export {
  InternalDependencyException,
  InternalFailure,
  InternalStreamFailure,
  ModelError,
  ModelNotReadyException,
  ModelStreamError,
  ServiceUnavailable,
  ValidationError,
} from "./errors/modeledErrors";
export {
  SagefetchClientError,
  type SagefetchClientErrorOptions,
} from "./errors/SagefetchClientError";
export {
  type ErrorFault,
  type ModeledErrorOptions,
  type ResponseMetadata,
  SageMakerRuntimeServiceException,
  type ServiceExceptionOptions,
} from "./errors/SageMakerRuntimeServiceException";
export type {
  ClientSideError,
  SendError,
  ServiceError,
  UnmodeledErrorCode,
  UnmodeledServiceError,
} from "./errors/SendError";

// Response streams

export type { HeaderValue } from "./eventstream/decodeHeaders";
export { EventStreamDecoder, type EventStreamMessage } from "./eventstream/EventStreamDecoder";
export { EventStreamError, type EventStreamFault } from "./eventstream/EventStreamError";
export type { PayloadPart, ResponseStreamEvent } from "./eventstream/toStreamEvent";

// Bodies

export type { BodyInput } from "./http/toBodyBytes";
export { Uint8ArrayBlobAdapter } from "./http/Uint8ArrayBlobAdapter";

// Retries

export type { RetryErrorType } from "./retry/classifyError";
export {
  type RetryDecision,
  type RetryProfile,
  type RetryRefusal,
  STANDARD_2026,
  STANDARD_LEGACY,
  StandardRetryStrategy,
} from "./retry/StandardRetryStrategy";

// Stateful sessions

export { parseNewSessionId, type SessionInfo } from "./sessions/parseNewSessionId";
export {
  Session,
  type SessionInvokeInput,
  type SessionOptions,
  type SessionSharedInput,
  type SessionState,
  type SessionStreamInput,
} from "./sessions/Session";
export { SessionClosedError } from "./sessions/SessionClosedError";
export { isSessionGoneError, SessionExpiredError } from "./sessions/SessionExpiredError";

// Signing, for code that signs on its own (@sagefetch/relay's signing mode)

export { type SigningParams, signRequest } from "./signing/signRequest";

// Stream readers

export type { ChatBody } from "./stream/iterateBody";
export { readLines } from "./stream/readLines";
export { readSseData } from "./stream/readSseData";
export { readTextChunks } from "./stream/readTextChunks";
export { extractTokenText, readTokens } from "./stream/readTokens";

// Chat: structured events of every container's stream, request bodies per container family

export {
  buildChatRequest,
  type ChatContainer,
  type ChatMessage,
  type ChatRequestOptions,
  type ChatTool,
  type ChatToolCall,
} from "./chat/buildChatRequest";
export { ChatStreamError, type ChatStreamFault } from "./chat/ChatStreamError";
export { type ReadChatEventsOptions, readChatEvents } from "./chat/readChatEvents";
export type { ChatEvent, ChatFinishReason, ChatStreamFormat, ChatUsage } from "./chat/types";

// Bearer tokens and the OpenAI-compatible route

export { BearerTokenError } from "./bearer/BearerTokenError";
export {
  BEARER_TOKEN_PREFIX,
  type BearerTokenOptions,
  createBearerToken,
  MAX_BEARER_TOKEN_LIFETIME,
} from "./bearer/createBearerToken";
export {
  type BearerTokenSource,
  type BearerTokenSourceOptions,
  createBearerTokenSource,
} from "./bearer/createBearerTokenSource";
export { type BearerTokenFetchOptions, bearerTokenFetch } from "./openai/bearerTokenFetch";
export { type OpenAiRouteTarget, openAiBaseUrl } from "./openai/openAiBaseUrl";
export {
  type OpenAiClientSettings,
  type OpenAiRouteOptions,
  openAiRouteOptions,
} from "./openai/openAiRouteOptions";
