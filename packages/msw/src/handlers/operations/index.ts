import type { OperationTable } from "./context";
import { invokeEndpoint } from "./invoke-endpoint";
import { notYetSupported } from "./not-yet-supported";

/**
 * One entry per SageMaker Runtime operation. Extension point: the response-stream
 * (event-stream framing) and async operations replace their placeholders here.
 */
export const operations: OperationTable = {
  InvokeEndpoint: invokeEndpoint,
  InvokeEndpointWithResponseStream: notYetSupported("InvokeEndpointWithResponseStream"),
  InvokeEndpointAsync: notYetSupported("InvokeEndpointAsync"),
};
