export {
  COGNITO_MESSAGES,
  CognitoServiceError,
  cognitoError,
} from "./cognito/cognito-error";
export { cognitoIdentityHandlers } from "./cognito/cognito-handlers";
export { CognitoFaultQueue } from "./cognito/faults";
export type { CognitoIdentity } from "./cognito/identity-store";
export { IdentityStore } from "./cognito/identity-store";
export type { TestLoginTokenOptions } from "./cognito/login-tokens";
export { testLoginToken, testLoginValidator } from "./cognito/login-tokens";
export type { IssuedCredentials } from "./cognito/mint";
export { STS_MESSAGES } from "./cognito/sts/assume-role-with-web-identity";
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
export { CredentialStore } from "./credentials/credential-store";
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
export type { AsyncInvocation, AsyncOutput } from "./handlers/async/async-results";
export { AsyncResults } from "./handlers/async/async-results";
export { DEFAULT_ACCOUNT_ID, demoCredentials } from "./handlers/config";
export type {
  DelayFault,
  DropFault,
  ErrorFault,
  Fault,
  HtmlFault,
  LatencyRange,
} from "./handlers/faults";
export { FaultQueue } from "./handlers/faults";
export { ModelContainerError, modelError } from "./handlers/model-error";
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
} from "./handlers/model-types";
export { MAX_PAYLOAD_BYTES } from "./handlers/operations/invoke-endpoint";
export { MAX_ASYNC_INLINE_BYTES } from "./handlers/operations/invoke-endpoint-async";
export type { OverrideOptions } from "./handlers/overrides";
export { sageMakerError, sageMakerNetworkError, sageMakerResponse } from "./handlers/overrides";
export { sageMakerHandlers } from "./handlers/sagemaker-handlers";
export { DEFAULT_SESSION_TTL_SECONDS, SessionStore } from "./handlers/sessions/session-store";
export type { StreamFailureKind } from "./handlers/stream-errors";
export {
  internalStreamFailure,
  modelStreamError,
  StreamFailure,
  unmodeledStreamError,
} from "./handlers/stream-errors";
export type {
  CorruptStreamFault,
  CutStreamFault,
  StreamFault,
  TruncateStreamFault,
} from "./handlers/stream-fault";
export type { Chunking, StreamOptions } from "./handlers/streaming/stream-settings";
export { StreamSettings } from "./handlers/streaming/stream-settings";
export type {
  MockCredentials,
  OperationName,
  ReceivedRequest,
  SageMakerHandlersOptions,
  SageMakerMock,
} from "./handlers/types";
