import type { OperationTable } from "./context";
import { invokeEndpoint } from "./invokeEndpoint";
import { invokeEndpointAsync } from "./invokeEndpointAsync";
import { invokeEndpointWithResponseStream } from "./invokeEndpointWithResponseStream";

/** One entry per SageMaker Runtime operation. */
export const operations: OperationTable = {
  InvokeEndpoint: invokeEndpoint,
  InvokeEndpointWithResponseStream: invokeEndpointWithResponseStream,
  InvokeEndpointAsync: invokeEndpointAsync,
};
