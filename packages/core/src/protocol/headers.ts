// The header each input and output field travels in, per operation (lowercase, as fetch's
// Headers give them). Source: the service model (sagemaker-runtime 2017-05-13) and
// @aws-sdk/client-sagemaker-runtime's schemas; @sagefetch/msw keeps its own copy on purpose
// (it judges the client), and a test in core checks that the two agree.

/** Opaque data for the model, echoed back: sensitive, never quoted in errors or logs. */
export const CUSTOM_ATTRIBUTES = "x-amzn-sagemaker-custom-attributes";
/** The stateful session a call belongs to (`NEW_SESSION` opens one). */
export const SESSION_ID = "x-amzn-sagemaker-session-id";

/** InvokeEndpoint's request fields bound to headers. */
export const INVOKE_ENDPOINT_REQUEST = {
  ContentType: "content-type",
  Accept: "accept",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  TargetModel: "x-amzn-sagemaker-target-model",
  TargetVariant: "x-amzn-sagemaker-target-variant",
  TargetContainerHostname: "x-amzn-sagemaker-target-container-hostname",
  InferenceId: "x-amzn-sagemaker-inference-id",
  EnableExplanations: "x-amzn-sagemaker-enable-explanations",
  InferenceComponentName: "x-amzn-sagemaker-inference-component",
  SessionId: "x-amzn-sagemaker-session-id",
  PrefixAwareId: "x-amzn-sagemaker-prefix-aware-id",
} as const;

/** InvokeEndpoint's output fields read from headers. */
export const INVOKE_ENDPOINT_RESPONSE = {
  ContentType: "content-type",
  InvokedProductionVariant: "x-amzn-invoked-production-variant",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  NewSessionId: "x-amzn-sagemaker-new-session-id",
  ClosedSessionId: "x-amzn-sagemaker-closed-session-id",
} as const;

/** InvokeEndpointWithResponseStream's request fields bound to headers. */
export const INVOKE_STREAM_REQUEST = {
  ContentType: "content-type",
  Accept: "x-amzn-sagemaker-accept",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  TargetVariant: "x-amzn-sagemaker-target-variant",
  TargetContainerHostname: "x-amzn-sagemaker-target-container-hostname",
  InferenceId: "x-amzn-sagemaker-inference-id",
  InferenceComponentName: "x-amzn-sagemaker-inference-component",
  SessionId: "x-amzn-sagemaker-session-id",
  PrefixAwareId: "x-amzn-sagemaker-prefix-aware-id",
} as const;

/** InvokeEndpointWithResponseStream's output fields read from headers. */
export const INVOKE_STREAM_RESPONSE = {
  ContentType: "x-amzn-sagemaker-content-type",
  InvokedProductionVariant: "x-amzn-invoked-production-variant",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
} as const;

/** InvokeEndpointAsync's string request fields bound to headers. */
export const INVOKE_ASYNC_REQUEST = {
  ContentType: "x-amzn-sagemaker-content-type",
  Accept: "x-amzn-sagemaker-accept",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  InferenceId: "x-amzn-sagemaker-inference-id",
  InputLocation: "x-amzn-sagemaker-inputlocation",
  S3OutputPathExtension: "x-amzn-sagemaker-s3outputpathextension",
  Filename: "x-amzn-sagemaker-filename",
} as const;

/** InvokeEndpointAsync's integer request fields bound to headers. */
export const INVOKE_ASYNC_INTEGERS = {
  RequestTTLSeconds: "x-amzn-sagemaker-requestttlseconds",
  InvocationTimeoutSeconds: "x-amzn-sagemaker-invocationtimeoutseconds",
} as const;

/** InvokeEndpointAsync's output fields read from headers (`InferenceId` is in the body). */
export const INVOKE_ASYNC_RESPONSE = {
  OutputLocation: "x-amzn-sagemaker-outputlocation",
  FailureLocation: "x-amzn-sagemaker-failurelocation",
} as const;
