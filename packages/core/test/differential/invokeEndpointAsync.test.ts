// InvokeEndpointAsync, on the wire, in its 202 answers and in its error answers, against the
// AWS SDK.
import { expect } from "vitest";
import {
  ALL_BYTES,
  ERROR_ANSWERS,
  lowerCased,
  REQUEST_ID,
  STREAM_AND_ASYNC_HEADERS,
} from "./answers";
import { cut } from "./harness";
import {
  type AnswerCase,
  describeWireParity,
  type Fields,
  type RefusedCase,
  type RequestCase,
} from "./wireParity";

const INFERENCE_ID = "e0e6a0c4-6b7d-4a44-9e1b-6bd3d2b2a1f0";
const ASYNC_FIELDS: Fields = {
  ContentType: "application/json",
  Accept: "application/json",
  CustomAttributes: "c000b4f9-df62-4c85-a0bf-7c525f9104a4;trace=1",
  InferenceId: "inference-0001",
  S3OutputPathExtension: "runs/2026-11-24",
  Filename: "result-0001.json",
  RequestTTLSeconds: 3600,
  InvocationTimeoutSeconds: 900,
};

const INPUT_LOCATION = "s3://my-bucket/async-inputs/request-0001.json";

const CASES: RequestCase[] = [
  { name: "InputLocation (s3://) alone", input: { InputLocation: INPUT_LOCATION } },
  {
    name: "InputLocation (https://) alone",
    input: { InputLocation: "https://my-bucket.s3.us-east-1.amazonaws.com/in/request.json" },
  },
  ...Object.entries(ASYNC_FIELDS).map(([field, value]) => ({
    name: `InputLocation + ${field}`,
    input: { InputLocation: INPUT_LOCATION, [field]: value },
  })),
  ...(
    [
      ["RequestTTLSeconds", 60],
      ["RequestTTLSeconds", 21600],
      ["InvocationTimeoutSeconds", 1],
      ["InvocationTimeoutSeconds", 3600],
    ] as const
  ).map(([field, value]) => ({
    name: `InputLocation + ${field} = ${value} (a bound)`,
    input: { InputLocation: INPUT_LOCATION, [field]: value },
  })),
  {
    name: "InputLocation + every field",
    input: { InputLocation: INPUT_LOCATION, ...ASYNC_FIELDS },
  },
  { name: "Body (string) alone", input: { Body: '{"inputs":"hello"}' } },
  { name: "Body: Uint8Array of all 256 byte values", input: { Body: ALL_BYTES } },
  {
    name: "Body + ContentType",
    input: { Body: '{"inputs":"hello"}', ContentType: "application/json" },
  },
  { name: "Body + every field", input: { Body: "héllo ✓ 日本語 🚀", ...ASYNC_FIELDS } },
  {
    name: "InputLocation, cn-north-1, session token",
    options: { region: "cn-north-1", sessionToken: true },
    input: { InputLocation: INPUT_LOCATION },
  },
  {
    name: "Body, custom endpoint with a base path",
    options: { endpoint: "https://proxy.example.com/aws/sagemaker" },
    input: { Body: "{}" },
  },
].map((c) => ({ ...c, input: { EndpointName: "my-endpoint", ...c.input } }));

const OUTPUT_LOCATION = `s3://my-bucket/async-outputs/${INFERENCE_ID}.out`;
const FAILURE_LOCATION = `s3://my-bucket/async-failures/${INFERENCE_ID}-error.out`;

// --- InvokeEndpointAsync: 202 ------------------------------------------------------------------

const ASYNC_HEADERS: Record<string, string> = {
  "Content-Type": "application/json",
  "X-Amzn-SageMaker-OutputLocation": OUTPUT_LOCATION,
  "X-Amzn-SageMaker-FailureLocation": FAILURE_LOCATION,
  "x-amzn-RequestId": REQUEST_ID,
};

const ANSWERS: AnswerCase[] = [
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

const REFUSED: RefusedCase[] = [
  {
    name: "InvokeEndpointAsync with both Body and InputLocation",
    input: {
      EndpointName: "my-endpoint",
      Body: '{"inputs":"hello"}',
      InputLocation: INPUT_LOCATION,
    },
    field: "Body",
    rule: "exclusive",
    awsSends: (r) => {
      expect(new TextDecoder().decode(r.body)).toBe('{"inputs":"hello"}');
      expect(r.headers["x-amzn-sagemaker-inputlocation"]).toBe(INPUT_LOCATION);
    },
  },
  {
    name: "InvokeEndpointAsync with neither Body nor InputLocation",
    input: { EndpointName: "my-endpoint", ContentType: "application/json" },
    field: "InputLocation",
    rule: "required",
    awsSends: (r) => {
      expect(r.body.byteLength).toBe(0);
      expect(r.headers).not.toHaveProperty("x-amzn-sagemaker-inputlocation");
    },
  },
];

describeWireParity("InvokeEndpointAsync", {
  requests: {
    cases: CASES,
    comparedHeaders: STREAM_AND_ASYNC_HEADERS,
    answer: { status: 202, headers: {}, body: '{"InferenceId":"x"}' },
    signatureChecks: CASES.filter((c) => /every field|session token/.test(c.name)),
  },
  outputs: {
    input: { EndpointName: "my-endpoint", InputLocation: INPUT_LOCATION },
    cases: ANSWERS,
    fields: ["InferenceId", "OutputLocation", "FailureLocation"],
    hasBody: false,
  },
  errors: {
    input: { EndpointName: "my-endpoint", InputLocation: INPUT_LOCATION },
    cases: ERROR_ANSWERS,
  },
  refused: REFUSED,
});
