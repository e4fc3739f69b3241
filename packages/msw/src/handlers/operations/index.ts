import type { OperationTable } from "./context";
import { invokeEndpoint } from "./invoke-endpoint";
import { invokeEndpointAsync } from "./invoke-endpoint-async";
import { invokeEndpointWithResponseStream } from "./invoke-endpoint-with-response-stream";

/** One entry per SageMaker Runtime operation. */
export const operations: OperationTable = {
  InvokeEndpoint: invokeEndpoint,
  InvokeEndpointWithResponseStream: invokeEndpointWithResponseStream,
  InvokeEndpointAsync: invokeEndpointAsync,
};
