export { CognitoFaultQueue } from "./cognito/CognitoFaultQueue";
export {
  COGNITO_MESSAGES,
  CognitoServiceError,
  cognitoError,
} from "./cognito/CognitoServiceError";
export { cognitoIdentityHandlers } from "./cognito/cognitoHandlers";
export type { CognitoIdentity } from "./cognito/IdentityStore";
export { IdentityStore } from "./cognito/IdentityStore";
export type { TestLoginTokenOptions } from "./cognito/loginTokens";
export { testLoginToken, testLoginValidator } from "./cognito/loginTokens";
export type { IssuedCredentials } from "./cognito/mint";
export { STS_MESSAGES } from "./cognito/sts/assumeRoleWithWebIdentity";
export type {
  CognitoIdentityHandlersOptions,
  CognitoIdentityMock,
  CognitoOperationName,
  CognitoRequest,
  IdentityPoolOptions,
  LoginContext,
  LoginValidator,
  OpenIdClaims,
} from "./cognito/types";
export { CredentialStore } from "./credentials/CredentialStore";
export {
  createDemoEndpoints,
  type DemoEndpointName,
  type DemoOptions,
  demoEndpoints,
} from "./demo/index";
export {
  crc32,
  type EventHeaders,
  type EventHeaderValue,
  type EventMessage,
  encodeEventMessage,
  MAX_EVENT_HEADERS_BYTES,
  MAX_EVENT_PAYLOAD_BYTES,
} from "./eventstream/index";
export type { AsyncInvocation, AsyncOutput } from "./handlers/async/AsyncResults";
export { AsyncResults } from "./handlers/async/AsyncResults";
export { DEFAULT_ACCOUNT_ID, demoCredentials } from "./handlers/config";
export type {
  DelayFault,
  DropFault,
  ErrorFault,
  Fault,
  HtmlFault,
  LatencyRange,
} from "./handlers/FaultQueue";
export { FaultQueue } from "./handlers/FaultQueue";
export { ModelContainerError, modelError } from "./handlers/ModelContainerError";
export type {
  EndpointConfig,
  EndpointDefinition,
  ModelBodyOutput,
  ModelFn,
  ModelOutput,
  ModelRequest,
  ModelSession,
  ModelStreamOutput,
  SessionOptions,
  StreamChunk,
  VariantConfig,
} from "./handlers/modelTypes";
export { MAX_PAYLOAD_BYTES } from "./handlers/operations/invokeEndpoint";
export { MAX_ASYNC_INLINE_BYTES } from "./handlers/operations/invokeEndpointAsync";
export type { OverrideOptions } from "./handlers/overrides";
export { sageMakerError, sageMakerNetworkError, sageMakerResponse } from "./handlers/overrides";
export type { StreamFailureKind } from "./handlers/StreamFailure";
export {
  internalStreamFailure,
  modelStreamError,
  StreamFailure,
  unmodeledStreamError,
} from "./handlers/StreamFailure";
export { sageMakerHandlers } from "./handlers/sageMakerHandlers";
export { DEFAULT_SESSION_TTL_SECONDS, SessionStore } from "./handlers/sessions/SessionStore";
export type {
  CorruptStreamFault,
  CutStreamFault,
  StreamFault,
  TruncateStreamFault,
} from "./handlers/streamFault";
export type { Chunking, StreamOptions } from "./handlers/streaming/StreamSettings";
export { StreamSettings } from "./handlers/streaming/StreamSettings";
export type {
  MockCredentials,
  OperationName,
  ReceivedRequest,
  SageMakerHandlersOptions,
  SageMakerMock,
} from "./handlers/types";
