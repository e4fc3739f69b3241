export { DEFAULT_ACCOUNT_ID, demoCredentials } from "./handlers/config";
export type { DelayFault, DropFault, ErrorFault, Fault, HtmlFault } from "./handlers/faults";
export { FaultQueue } from "./handlers/faults";
export { ModelContainerError, modelError } from "./handlers/model-error";
export { MAX_PAYLOAD_BYTES } from "./handlers/operations/invoke-endpoint";
export type { OverrideOptions } from "./handlers/overrides";
export { sageMakerError, sageMakerNetworkError, sageMakerResponse } from "./handlers/overrides";
export { sageMakerHandlers } from "./handlers/sagemaker-handlers";
export type {
  EndpointConfig,
  EndpointDefinition,
  MockCredentials,
  ModelFn,
  ModelOutput,
  ModelRequest,
  OperationName,
  ReceivedRequest,
  SageMakerHandlersOptions,
  SageMakerMock,
} from "./handlers/types";
