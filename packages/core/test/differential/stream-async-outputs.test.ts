// Answers of InvokeEndpointAsync and InvokeEndpointWithResponseStream other than a response
// stream: the 202 of an async call, and error answers of both operations. The same recorded
// answer, fed to sagefetch and to the AWS SDK, must give the same output or the same error (the
// same checks as outputs.test.ts and errors.test.ts).
import * as sagefetch from "@sagefetch/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ChunkedAnswer,
  cut,
  isolateFromAwsEnvironment,
  type OperationName,
  type OperationOutcome,
  ownClass,
  prop,
  runBothOperation,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

const INPUTS: Record<Exclude<OperationName, "InvokeEndpoint">, Record<string, unknown>> = {
  InvokeEndpointAsync: {
    EndpointName: "my-endpoint",
    InputLocation: "s3://my-bucket/async-inputs/request-0001.json",
  },
  InvokeEndpointWithResponseStream: {
    EndpointName: "my-endpoint",
    Body: '{"inputs":"hello","stream":true}',
    ContentType: "application/json",
  },
};

const REQUEST_ID = "7c1f2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
const INFERENCE_ID = "e0e6a0c4-6b7d-4a44-9e1b-6bd3d2b2a1f0";
const OUTPUT_LOCATION = `s3://my-bucket/async-outputs/${INFERENCE_ID}.out`;
const FAILURE_LOCATION = `s3://my-bucket/async-failures/${INFERENCE_ID}-error.out`;

// --- InvokeEndpointAsync: 202 ------------------------------------------------------------------

const ASYNC_HEADERS: Record<string, string> = {
  "Content-Type": "application/json",
  "X-Amzn-SageMaker-OutputLocation": OUTPUT_LOCATION,
  "X-Amzn-SageMaker-FailureLocation": FAILURE_LOCATION,
  "x-amzn-RequestId": REQUEST_ID,
};

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

const ASYNC_ANSWERS: { name: string; answer: ChunkedAnswer }[] = [
  {
    name: "a 202 with the InferenceId and both locations, as the service writes them",
    answer: { status: 202, headers: ASYNC_HEADERS, body: `{"InferenceId":"${INFERENCE_ID}"}` },
  },
  {
    name: "the same, header names in lower case",
    answer: {
      status: 202,
      headers: lowerCased(ASYNC_HEADERS),
      body: `{"InferenceId":"${INFERENCE_ID}"}`,
    },
  },
  {
    name: "the same, delivered one byte at a time",
    answer: {
      status: 202,
      headers: ASYNC_HEADERS,
      chunks: cut(new TextEncoder().encode(`{"InferenceId":"${INFERENCE_ID}"}`), [1]),
    },
  },
  {
    name: "an OutputLocation only",
    answer: {
      status: 202,
      headers: { "X-Amzn-SageMaker-OutputLocation": OUTPUT_LOCATION, "x-amzn-RequestId": "r1" },
      body: `{"InferenceId":"${INFERENCE_ID}"}`,
    },
  },
  {
    name: "no location header",
    answer: { status: 202, headers: { "x-amzn-RequestId": "r2" }, body: '{"InferenceId":"id-2"}' },
  },
  {
    name: "a body with a field the model does not have",
    answer: {
      status: 202,
      headers: ASYNC_HEADERS,
      body: `{"InferenceId":"${INFERENCE_ID}","QueuePosition":3}`,
    },
  },
  {
    name: "an empty JSON object",
    answer: { status: 202, headers: ASYNC_HEADERS, body: "{}" },
  },
];

const ASYNC_FIELDS = ["InferenceId", "OutputLocation", "FailureLocation"];
const METADATA_FIELDS = [
  "httpStatusCode",
  "requestId",
  "extendedRequestId",
  "cfId",
  "attempts",
  "totalRetryDelay",
];
const fieldsSet = (output: Record<string, unknown> | undefined) =>
  Object.keys(output ?? {})
    .filter((key) => key !== "$metadata" && output?.[key] !== undefined)
    .sort();

describe.each(ASYNC_ANSWERS)("InvokeEndpointAsync: $name", ({ answer }) => {
  let aws: OperationOutcome;
  let sf: OperationOutcome;

  beforeAll(async () => {
    ({ aws, sagefetch: sf } = await runBothOperation(
      "InvokeEndpointAsync",
      { region: "us-east-1" },
      INPUTS.InvokeEndpointAsync,
      answer,
    ));
    expect(aws.error).toBeUndefined();
    expect(sf.error).toBeUndefined();
  });

  it.each(ASYNC_FIELDS)("has the same %s", (field) => {
    expect(prop(sf.output, field)).toBe(prop(aws.output, field));
  });

  it.each(METADATA_FIELDS)("has the same $metadata.%s", (field) => {
    expect(prop(prop(sf.output, "$metadata"), field)).toBe(
      prop(prop(aws.output, "$metadata"), field),
    );
  });

  it("has the same set of fields", () => {
    expect(fieldsSet(sf.output)).toEqual(fieldsSet(aws.output));
  });
});

// --- Error answers of both operations ------------------------------------------------------------

const CORAL = "http://internal.amazon.com/coral/com.amazon.coral.service/";

const json = (status: number, errorType: string | undefined, body: object): ChunkedAnswer => ({
  status,
  headers: {
    "Content-Type": "application/json",
    "x-amzn-RequestId": REQUEST_ID,
    ...(errorType === undefined ? {} : { "x-amzn-ErrorType": errorType }),
  },
  body: JSON.stringify(body),
});

const MODEL_ERROR_BODY = {
  ErrorCode: "CLIENT_ERROR_FROM_MODEL",
  LogStreamArn:
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/my-endpoint",
  Message:
    'Received client error (400) from primary with message "bad input". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/my-endpoint in account 123456789012 for more information.',
  OriginalMessage: "bad input",
  OriginalStatusCode: 400,
};

// biome-ignore format: one answer a line reads as a table
const ERROR_ANSWERS: { name: string; answer: ChunkedAnswer }[] = [
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

const OPERATIONS = ["InvokeEndpointWithResponseStream", "InvokeEndpointAsync"] as const;
const MODELED_FIELDS = ["OriginalStatusCode", "OriginalMessage", "LogStreamArn", "ErrorCode"];

const ERROR_CASES = OPERATIONS.flatMap((operation) =>
  ERROR_ANSWERS.flatMap(({ name, answer }) => [
    { operation, name: `${name}, whole`, answer },
    {
      operation,
      name: `${name}, one byte at a time`,
      answer: {
        ...answer,
        chunks: cut(new TextEncoder().encode(answer.body as string), [1]),
      },
    },
  ]),
);

describe.each(ERROR_CASES)("$operation: $name", ({ operation, answer }) => {
  let aws: OperationOutcome;
  let sf: OperationOutcome;

  beforeAll(async () => {
    ({ aws, sagefetch: sf } = await runBothOperation(
      operation,
      { region: "us-east-1" },
      INPUTS[operation],
      answer,
    ));
    expect(aws.error).toBeInstanceOf(Error);
    expect(sf.error).toBeInstanceOf(Error);
  });

  it.each(["name", "$fault", "message"])("has the same %s", (field) => {
    expect(prop(sf.error, field)).toBe(prop(aws.error, field));
  });

  it("has the same Message (the AWS SDK moves it into message and deletes it)", () => {
    expect(prop(sf.error, "Message")).toBe(prop(aws.error, "Message"));
  });

  it.each(MODELED_FIELDS)("has the same %s", (field) => {
    expect(prop(sf.error, field)).toEqual(prop(aws.error, field));
  });

  it.each(["httpStatusCode", "requestId", "attempts"])("has the same $metadata.%s", (field) => {
    expect(prop(prop(sf.error, "$metadata"), field)).toBe(
      prop(prop(aws.error, "$metadata"), field),
    );
  });

  it("is an instance of its package's class of the same name", () => {
    const name = String(prop(aws.error, "name"));
    expect(aws.error).toBeInstanceOf(ownClass("aws", name));
    expect(sf.error).toBeInstanceOf(ownClass("sagefetch", name));
  });

  it("is an instance of its package's SageMakerRuntimeServiceException", () => {
    expect(aws.error).toBeInstanceOf(ownClass("aws", "SageMakerRuntimeServiceException"));
    expect(sf.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
  });
});
