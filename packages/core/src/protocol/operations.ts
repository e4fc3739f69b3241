import {
  INVOKE_ASYNC_INTEGERS,
  INVOKE_ASYNC_REQUEST,
  INVOKE_ENDPOINT_REQUEST,
  INVOKE_STREAM_REQUEST,
} from "./headers";

/** The operations of SageMaker Runtime. */
export type OperationName =
  | "InvokeEndpoint"
  | "InvokeEndpointWithResponseStream"
  | "InvokeEndpointAsync";

/** The last path segment of each operation: `POST /endpoints/{EndpointName}/{segment}`. */
export const OPERATION_PATHS: Readonly<Record<OperationName, string>> = {
  InvokeEndpoint: "invocations",
  InvokeEndpointWithResponseStream: "invocations-response-stream",
  InvokeEndpointAsync: "async-invocations",
};

/** The headers the AWS SDKs add to every attempt (retry bookkeeping). */
export const SDK_HEADERS: readonly string[] = ["amz-sdk-invocation-id", "amz-sdk-request"];

/**
 * Every request header an operation's input can set (the SDKs' own not included): what a
 * signing relay may sign for it. `content-type` too: every operation sends one.
 */
export function requestHeaderNames(operation: OperationName): string[] {
  const bindings =
    operation === "InvokeEndpoint"
      ? INVOKE_ENDPOINT_REQUEST
      : operation === "InvokeEndpointWithResponseStream"
        ? INVOKE_STREAM_REQUEST
        : { ...INVOKE_ASYNC_REQUEST, ...INVOKE_ASYNC_INTEGERS };
  return [...new Set(["content-type", ...Object.values(bindings)])];
}
