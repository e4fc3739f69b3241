// Recorded answers the parity suites of several operations feed to both clients.
import type { ChunkedAnswer } from "./harness";

export const REQUEST_ID = "7c1f2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
/** The suffix Coral adds to the code in x-amzn-ErrorType. */
export const CORAL = "http://internal.amazon.com/coral/com.amazon.coral.service/";

/** A JSON error answer; `errorType` goes in x-amzn-ErrorType when given. */
export const json = (
  status: number,
  errorType: string | undefined,
  body: object,
): ChunkedAnswer => ({
  status,
  headers: {
    "Content-Type": "application/json",
    "x-amzn-RequestId": REQUEST_ID,
    ...(errorType === undefined ? {} : { "x-amzn-ErrorType": errorType }),
  },
  body: JSON.stringify(body),
});

export const MODEL_ERROR_BODY = {
  ErrorCode: "CLIENT_ERROR_FROM_MODEL",
  LogStreamArn:
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/my-endpoint",
  Message:
    'Received client error (400) from primary with message "bad input". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/my-endpoint in account 123456789012 for more information.',
  OriginalMessage: "bad input",
  OriginalStatusCode: 400,
};

export const lowerCased = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

export const ALL_BYTES: Uint8Array<ArrayBuffer> = Uint8Array.from({ length: 256 }, (_, i) => i);

// biome-ignore format: one answer a line reads as a table
/** The error answers InvokeEndpointWithResponseStream and InvokeEndpointAsync are checked with. */
export const ERROR_ANSWERS: { name: string; answer: ChunkedAnswer }[] = [
  {
    name: "ValidationError",
    answer: json(400, `ValidationError:${CORAL}`, { message: "Endpoint my-endpoint of account 123456789012 not found." }),
  },
  {
    name: "ValidationError (stream on a non-streaming container)",
    answer: json(400, `ValidationError:${CORAL}`, { Message: "Model container does not support streaming inference." }),
  },
  { name: "ModelError 424 with every field", answer: json(424, `ModelError:${CORAL}`, MODEL_ERROR_BODY) },
  {
    name: "ServiceUnavailable 503",
    answer: json(503, `ServiceUnavailable:${CORAL}`, { message: "The service is unavailable. Please try again later." }),
  },
  {
    name: "ThrottlingException (not modeled)",
    answer: json(400, `ThrottlingException:${CORAL}`, { message: "Rate exceeded" }),
  },
  {
    name: "ThrottlingException in body __type only",
    answer: json(400, undefined, { __type: "com.amazon.coral.service#ThrottlingException", Message: "Rate exceeded" }),
  },
  {
    name: "InternalFailure 500",
    answer: json(500, `InternalFailure:${CORAL}`, { message: "An internal error occurred while processing the request." }),
  },
];

/** The headers the streaming and async operations' requests are compared on. */
export const STREAM_AND_ASYNC_HEADERS: string[] = [
  "content-type",
  "accept",
  "x-amzn-sagemaker-accept",
  "x-amzn-sagemaker-content-type",
  "x-amzn-sagemaker-custom-attributes",
  "x-amzn-sagemaker-target-variant",
  "x-amzn-sagemaker-target-container-hostname",
  "x-amzn-sagemaker-inference-id",
  "x-amzn-sagemaker-inference-component",
  "x-amzn-sagemaker-session-id",
  "x-amzn-sagemaker-prefix-aware-id",
  "x-amzn-sagemaker-inputlocation",
  "x-amzn-sagemaker-s3outputpathextension",
  "x-amzn-sagemaker-filename",
  "x-amzn-sagemaker-requestttlseconds",
  "x-amzn-sagemaker-invocationtimeoutseconds",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "amz-sdk-request",
];
