// InvokeEndpointWithResponseStream, on the wire and in its error answers, against the AWS SDK
// (the events of a response stream: streams.test.ts).
import { expect } from "vitest";
import { ALL_BYTES, ERROR_ANSWERS, STREAM_AND_ASYNC_HEADERS } from "./answers";
import { describeWireParity, type Fields, type RefusedCase, type RequestCase } from "./wireParity";

const STREAM_FIELDS: Fields = {
  ContentType: "application/json",
  Accept: "text/event-stream",
  CustomAttributes: "c000b4f9-df62-4c85-a0bf-7c525f9104a4;trace=1",
  TargetVariant: "variant-a",
  TargetContainerHostname: "container-1",
  InferenceId: "inference-0001",
  InferenceComponentName: "component-1",
  SessionId: "f1b2c3d4-session-42",
  PrefixAwareId: "prefix-aware-1",
};

const STREAM_BASE: Fields = {
  EndpointName: "my-endpoint",
  Body: '{"inputs":"hello","parameters":{"max_new_tokens":20},"stream":true}',
};

const CASES: RequestCase[] = [
  { name: "no optional field", input: {} },
  ...Object.entries(STREAM_FIELDS).map(([field, value]) => ({
    name: `${field} alone`,
    input: { [field]: value },
  })),
  { name: "every field together", input: STREAM_FIELDS },
  { name: "Body: Uint8Array of all 256 byte values", input: { Body: ALL_BYTES } },
  { name: "Body: string with non-ASCII UTF-8", input: { Body: "héllo wörld ✓ 日本語 🚀" } },
  {
    name: "Body: Uint8Array on an offset slice",
    input: { Body: new Uint8Array(ALL_BYTES.buffer, 3, 40) },
  },
  { name: "cn-north-1", options: { region: "cn-north-1" }, input: {} },
  {
    name: "us-gov-west-1, FIPS + dual-stack",
    options: { region: "us-gov-west-1", useFipsEndpoint: true, useDualstackEndpoint: true },
    input: {},
  },
  {
    name: "custom endpoint with a port and a base path",
    options: { endpoint: "http://localhost:9000/prefix" },
    input: {},
  },
  {
    name: "with a session token and every field",
    options: { sessionToken: true },
    input: STREAM_FIELDS,
  },
].map((c) => ({ ...c, input: { ...STREAM_BASE, ...c.input } }));

const REFUSED: RefusedCase[] = [
  {
    name: "InvokeEndpointWithResponseStream with SessionId NEW_SESSION",
    input: { EndpointName: "my-endpoint", Body: "{}", SessionId: "NEW_SESSION" },
    field: "SessionId",
    rule: "pattern",
    awsSends: (r) => {
      expect(r.headers["x-amzn-sagemaker-session-id"]).toBe("NEW_SESSION");
    },
  },
];

describeWireParity("InvokeEndpointWithResponseStream", {
  requests: {
    cases: CASES,
    comparedHeaders: STREAM_AND_ASYNC_HEADERS,
    answer: { status: 200, headers: {} },
    signatureChecks: CASES.filter((c) => /every field|session token/.test(c.name)),
  },
  errors: {
    input: {
      EndpointName: "my-endpoint",
      Body: '{"inputs":"hello","stream":true}',
      ContentType: "application/json",
    },
    cases: ERROR_ANSWERS,
  },
  refused: REFUSED,
});
