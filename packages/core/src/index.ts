// @sagefetch/core: the SageMaker Runtime client. Each section below is its own export block,
// so that the import sorter keeps the sections (and their headings) apart.

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
export { readLines } from "./stream/readLines";
export { readSseData } from "./stream/readSseData";
export { readTextChunks } from "./stream/readTextChunks";
export { extractTokenText, readTokens } from "./stream/readTokens";
export { TokenFormatError } from "./stream/TokenFormatError";
