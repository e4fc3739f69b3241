// InvokeEndpoint, on the wire, in its answers and in its errors, against the AWS SDK.
import * as sagefetch from "@sagefetch/core";
import vectors from "@vectors/restjson1-error-codes.json";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ALL_BYTES, CORAL, json, lowerCased, MODEL_ERROR_BODY, REQUEST_ID } from "./answers";
import {
  type Input,
  isolateFromAwsEnvironment,
  ONE_REGION_PER_PARTITION,
  type Outcome,
  prop,
  runBoth,
} from "./harness";
import { type AnswerCase, describeWireParity, type Fields, type RequestCase } from "./wireParity";

const INPUT: Input & Fields = {
  EndpointName: "my-endpoint",
  Body: "{}",
  ContentType: "application/json",
};

// --- Requests ------------------------------------------------------------------------------------

const backing = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff).buffer;

const ALL_FIELDS: Fields = {
  ContentType: "application/json",
  Accept: "application/json;verbose",
  CustomAttributes: "c000b4f9-df62-4c85-a0bf-7c525f9104a4;trace=1",
  TargetModel: "model-2.tar.gz",
  TargetVariant: "variant-a",
  TargetContainerHostname: "container-1",
  InferenceId: "inference-0001",
  EnableExplanations: "`true`",
  InferenceComponentName: "component-1",
  SessionId: "NEW_SESSION",
  PrefixAwareId: "prefix-aware-1",
};

// Each optional field alone (on top of the two required ones), then all together.
const FIELD_CASES: RequestCase[] = [
  { name: "no optional field", input: {} },
  ...Object.entries(ALL_FIELDS).map(([field, value]) => ({
    name: `${field} alone`,
    input: { [field]: value },
  })),
  { name: "SessionId of an open session", input: { SessionId: "f1b2c3d4-session-42" } },
  { name: "every field together", input: ALL_FIELDS },
];

const BODY_CASES: RequestCase[] = [
  { name: "Body: Uint8Array of all 256 byte values", input: { Body: ALL_BYTES } },
  { name: "Body: ArrayBuffer", input: { Body: ALL_BYTES.slice().buffer } },
  { name: "Body: DataView on an offset slice", input: { Body: new DataView(backing, 5, 17) } },
  { name: "Body: Int16Array on an offset slice", input: { Body: new Int16Array(backing, 8, 12) } },
  { name: "Body: Uint8Array on an offset slice", input: { Body: new Uint8Array(backing, 3, 40) } },
  {
    name: "Body: Blob",
    input: { Body: new Blob([ALL_BYTES]) },
    knownDifference: {
      what: "x-amz-content-sha256",
      aws: "UNSIGNED-PAYLOAD",
      // The AWS SDK's signer cannot hash a Blob synchronously and signs it unhashed (and its
      // Node handler cannot even write a Blob: `Buffer.from(blob)` throws). sagefetch reads the
      // Blob and signs its SHA-256, checked below against the bytes sent.
      why: "the AWS SDK does not hash Blob bodies",
    },
  },
  {
    name: "Body: string with non-ASCII UTF-8",
    input: { Body: "héllo wörld ✓ 日本語 🚀 \u0000 end" },
  },
  { name: "Body: empty string", input: { Body: "" } },
].map((c) => ({ ...c, input: { ContentType: "application/octet-stream", ...c.input } }));

const REGION_CASES: RequestCase[] = ONE_REGION_PER_PARTITION.flatMap((region) => [
  { name: `${region}`, options: { region } },
  { name: `${region}, FIPS`, options: { region, useFipsEndpoint: true } },
  { name: `${region}, dual-stack`, options: { region, useDualstackEndpoint: true } },
  {
    name: `${region}, FIPS + dual-stack`,
    options: { region, useFipsEndpoint: true, useDualstackEndpoint: true },
  },
]).map((c) => ({ ...c, input: { ContentType: "application/json" } }));

const OTHER_CASES: RequestCase[] = [
  { name: "region fips-us-east-1", options: { region: "fips-us-east-1" } },
  { name: "region us-east-1-fips", options: { region: "us-east-1-fips" } },
  { name: "region fips-us-gov-west-1", options: { region: "fips-us-gov-west-1" } },
  {
    name: "region fips-us-east-1 + dual-stack",
    options: { region: "fips-us-east-1", useDualstackEndpoint: true },
  },
  { name: "custom endpoint", options: { endpoint: "https://sagemaker.example.com" } },
  { name: "custom endpoint with a port", options: { endpoint: "http://127.0.0.1:8080" } },
  {
    name: "custom endpoint with a base path",
    options: { endpoint: "https://proxy.example.com/aws/sagemaker" },
  },
  {
    name: "custom endpoint with a base path and a trailing slash",
    options: { endpoint: "https://proxy.example.com/aws/sagemaker/" },
    knownDifference: {
      what: "url",
      aws: "https://proxy.example.com/aws/sagemaker//endpoints/my-endpoint/invocations",
      sagefetch: "https://proxy.example.com/aws/sagemaker/endpoints/my-endpoint/invocations",
      // The AWS SDK appends the operation's path to the base path as is, giving `//`;
      // sagefetch drops the base path's trailing slash first (withOperationPath).
      why: "the AWS SDK keeps the trailing slash of a base path and doubles it",
    },
  },
  {
    name: "custom endpoint with a port and a base path",
    options: { endpoint: "http://localhost:9000/prefix" },
  },
  {
    name: "custom endpoint as an object",
    options: {
      endpoint: { protocol: "https:", hostname: "h.example.com", port: 8443, path: "/base" },
    },
  },
  { name: "with a session token", options: { sessionToken: true } },
  {
    name: "with a session token, cn-north-1, custom endpoint",
    options: { region: "cn-north-1", sessionToken: true, endpoint: "https://vpce.example.cn/x" },
  },
  {
    name: "with a session token and every field",
    options: { sessionToken: true },
    input: ALL_FIELDS,
  },
].map((c) => ({ ...c, input: { ContentType: "application/json", ...c.input } }));

const CASES: RequestCase[] = [...FIELD_CASES, ...BODY_CASES, ...REGION_CASES, ...OTHER_CASES].map(
  (c) => ({ ...c, input: { EndpointName: "my-endpoint", Body: '{"inputs":"hello"}', ...c.input } }),
);

const SAGEMAKER_HEADERS = [
  "x-amzn-sagemaker-custom-attributes",
  "x-amzn-sagemaker-target-model",
  "x-amzn-sagemaker-target-variant",
  "x-amzn-sagemaker-target-container-hostname",
  "x-amzn-sagemaker-inference-id",
  "x-amzn-sagemaker-enable-explanations",
  "x-amzn-sagemaker-inference-component",
  "x-amzn-sagemaker-session-id",
  "x-amzn-sagemaker-prefix-aware-id",
];

/** Headers whose values must be equal between the two clients. */
const COMPARED_HEADERS = [
  "content-type",
  "accept",
  ...SAGEMAKER_HEADERS,
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "amz-sdk-request",
];

const SIGNATURE_CHECKS: RequestCase[] = [
  { name: "plain", options: { region: "us-east-1" }, input: {} },
  {
    name: "session token, every field",
    options: { region: "eu-west-1", sessionToken: true },
    input: ALL_FIELDS,
  },
  {
    name: "custom endpoint with a port and a base path, binary body",
    options: { region: "us-east-1", endpoint: "http://localhost:9000/prefix" },
    input: { Body: ALL_BYTES },
  },
].map((c) => ({ ...c, input: { EndpointName: "my-endpoint", Body: "{}", ...c.input } }));

// --- Answers -------------------------------------------------------------------------------------

const ALL_OUTPUT_HEADERS: Record<string, string> = {
  "Content-Type": "application/json",
  "x-Amzn-Invoked-Production-Variant": "AllTraffic",
  "X-Amzn-SageMaker-Custom-Attributes": "trace=1;model=2",
  "X-Amzn-SageMaker-New-Session-Id": "f1b2c3d4-session-42; Expires=2026-11-24T12:20:00Z",
  "X-Amzn-SageMaker-Closed-Session-Id": "0a9b8c7d-session-41",
  "x-amzn-RequestId": "5b2e4a6c-0d1f-4e3a-9b8c-7d6e5f4a3b2c",
};

const upperCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));

const ANSWERS: AnswerCase[] = [
  {
    name: "every output header, as the service writes them",
    answer: { status: 200, headers: ALL_OUTPUT_HEADERS, body: '{"label":"POSITIVE","score":0.99}' },
  },
  {
    name: "every output header, lower case",
    answer: { status: 200, headers: lowerCased(ALL_OUTPUT_HEADERS), body: '{"ok":true}' },
  },
  {
    name: "every output header, upper case",
    answer: { status: 200, headers: upperCased(ALL_OUTPUT_HEADERS), body: '{"ok":true}' },
  },
  // Each output header alone (with the request id).
  ...Object.entries(ALL_OUTPUT_HEADERS)
    .filter(([name]) => name !== "x-amzn-RequestId")
    .map(([name, value]) => ({
      name: `${name} alone`,
      answer: {
        status: 200,
        headers: { [name]: value, "x-amzn-RequestId": "req-1" },
        body: "text answer",
      },
    })),
  { name: "no header at all", answer: { status: 200, body: "plain" } },
  {
    name: "an empty body",
    answer: {
      status: 200,
      headers: { "Content-Type": "application/json", "x-amzn-RequestId": "req-2" },
    },
  },
  {
    name: "a binary body of all 256 byte values",
    answer: {
      status: 200,
      headers: { "Content-Type": "application/octet-stream", "x-amzn-RequestId": "req-3" },
      body: ALL_BYTES,
    },
  },
  {
    name: "a non-ASCII UTF-8 body",
    answer: {
      status: 200,
      headers: { "Content-Type": "text/plain; charset=utf-8", "x-amzn-RequestId": "req-4" },
      body: "héllo wörld ✓ 日本語 🚀",
    },
  },
  {
    name: "a 1 MiB body",
    answer: {
      status: 200,
      headers: { "Content-Type": "application/octet-stream" },
      body: Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i * 31) & 0xff),
    },
  },
  {
    name: "request id in x-amzn-request-id",
    answer: { status: 200, headers: { "x-amzn-request-id": "req-5" }, body: "{}" },
  },
  {
    name: "request id in x-amz-request-id",
    answer: { status: 200, headers: { "x-amz-request-id": "req-6" }, body: "{}" },
  },
  {
    name: "x-amz-id-2 and x-amz-cf-id (a CloudFront or S3-style front)",
    answer: {
      status: 200,
      headers: { "x-amzn-RequestId": "req-7", "x-amz-id-2": "ext-id-2", "x-amz-cf-id": "cf-id" },
      body: "{}",
    },
  },
  {
    name: "empty output header values",
    answer: {
      status: 200,
      headers: {
        "X-Amzn-SageMaker-Custom-Attributes": "",
        "x-Amzn-Invoked-Production-Variant": "",
      },
      body: "{}",
    },
  },
];

const _OUTPUT_FIELDS = [
  "ContentType",
  "InvokedProductionVariant",
  "CustomAttributes",
  "NewSessionId",
  "ClosedSessionId",
];

// --- Errors --------------------------------------------------------------------------------------

const NOT_FOUND = "Endpoint my-endpoint of account 123456789012 not found.";
const INTERNAL = "An internal error occurred while processing the request.";
const UNAVAILABLE = "The service is unavailable. Please try again later.";

// The 6 modeled errors, as the service sends them: the code in x-amzn-ErrorType with Coral's
// URI suffix, the message in `message` or `Message`.
// biome-ignore format: one answer a line reads as a table
const MODELED: AnswerCase[] = [
  { name: "ValidationError, message", answer: json(400, `ValidationError:${CORAL}`, { message: NOT_FOUND }) },
  { name: "ValidationError, Message", answer: json(400, `ValidationError:${CORAL}`, { Message: NOT_FOUND }) },
  { name: "ModelError with every field", answer: json(424, `ModelError:${CORAL}`, MODEL_ERROR_BODY) },
  {
    name: "ModelError, message and no original status",
    answer: json(424, `ModelError:${CORAL}`, { message: "Received server error (0) from primary.", OriginalMessage: "" }),
  },
  {
    name: "ModelNotReadyException",
    answer: json(429, `ModelNotReadyException:${CORAL}`, { message: "Model my-model is not ready yet." }),
  },
  { name: "InternalFailure, message", answer: json(500, `InternalFailure:${CORAL}`, { message: INTERNAL }) },
  { name: "InternalFailure, Message", answer: json(500, `InternalFailure:${CORAL}`, { Message: INTERNAL }) },
  { name: "ServiceUnavailable", answer: json(503, `ServiceUnavailable:${CORAL}`, { message: UNAVAILABLE }) },
  {
    name: "InternalDependencyException",
    answer: json(530, `InternalDependencyException:${CORAL}`, { message: "An internal dependency failed." }),
  },
  {
    name: "ServiceUnavailable with the service's namespace in x-amzn-ErrorType",
    answer: json(503, "com.amazonaws.sagemakerruntime#ServiceUnavailable", { message: UNAVAILABLE }),
  },
  {
    name: "ValidationError in body __type only",
    answer: json(400, undefined, { __type: "com.amazonaws.sagemakerruntime#ValidationError", message: NOT_FOUND }),
  },
];

// Codes the model does not have, common to AWS services.
const UNMODELED_CODES: [code: string, status: number, message: string][] = [
  ["ThrottlingException", 400, "Rate exceeded"],
  ["UnrecognizedClientException", 403, "The security token included in the request is invalid."],
  ["ExpiredTokenException", 403, "The security token included in the request is expired"],
  [
    "InvalidSignatureException",
    403,
    "Signature expired: 20261124T110000Z is now earlier than 20261124T115500Z (20261124T120000Z - 5 min.)",
  ],
  [
    "AccessDeniedException",
    403,
    "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sagemaker:InvokeEndpoint",
  ],
];

const UNMODELED: AnswerCase[] = UNMODELED_CODES.flatMap(([code, status, message]) => [
  {
    name: `${code} in x-amzn-ErrorType only`,
    answer: json(status, `${code}:${CORAL}`, { message }),
  },
  { name: `${code} in body code`, answer: json(status, undefined, { code, message }) },
  {
    name: `${code} in body code with a namespace`,
    answer: json(status, undefined, { code: `com.amazon.coral.service#${code}`, message }),
  },
  {
    name: `${code} in body __type with a namespace`,
    answer: json(status, undefined, {
      __type: `com.amazon.coral.service#${code}`,
      Message: message,
    }),
  },
]);

// smithy's restJson1 protocol tests of finding the error code (all status 500, code FooError).
interface CodeVector {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
const VECTORS: AnswerCase[] = (vectors as { cases: CodeVector[] }).cases.map((v) => ({
  name: `vector ${v.id}`,
  answer: {
    status: v.status,
    headers: { ...v.headers, "x-amzn-RequestId": REQUEST_ID },
    body: v.body === null ? "" : typeof v.body === "string" ? v.body : JSON.stringify(v.body),
  },
}));

const OTHERS: AnswerCase[] = [
  { name: "500 with an empty body and no header", answer: { status: 500 } },
  { name: "400 with an empty JSON object", answer: json(400, undefined, {}) },
];

const ERRORS: AnswerCase[] = [...MODELED, ...UNMODELED, ...VECTORS, ...OTHERS];

describeWireParity("InvokeEndpoint", {
  requests: {
    cases: CASES,
    comparedHeaders: COMPARED_HEADERS,
    answer: {
      status: 200,
      headers: { "Content-Type": "application/json", "x-amzn-RequestId": "ok-request-id" },
      body: '{"ok":true}',
    },
    signatureChecks: SIGNATURE_CHECKS,
  },
  outputs: {
    input: INPUT,
    cases: ANSWERS,
    fields: [
      "ContentType",
      "InvokedProductionVariant",
      "CustomAttributes",
      "NewSessionId",
      "ClosedSessionId",
    ],
    hasBody: true,
  },
  errors: { input: INPUT, cases: ERRORS },
});

// --- What only InvokeEndpoint's errors show --------------------------------------------------------

describe("InvokeEndpoint, more errors", () => {
  beforeAll(isolateFromAwsEnvironment);
  afterAll(() => vi.unstubAllEnvs());

  // The AWS SDK copies every field of the error's JSON body onto the error (decorateServiceException),
  // modeled or not: ModelError's `ErrorCode` (which real ModelError answers carry), or any detail a
  // service adds. Code that reads them breaks when the import changes. (It copies the code keys
  // `code` and `__type` too; those are left out here as protocol plumbing.)
  const PLUMBING = [
    "message",
    "Message",
    "code",
    "__type",
    "OriginalStatusCode",
    "OriginalMessage",
    "LogStreamArn",
  ];
  const otherFields = (c: AnswerCase) =>
    typeof c.answer.body === "string" && c.answer.body.startsWith("{")
      ? Object.keys(JSON.parse(c.answer.body) as object).filter((key) => !PLUMBING.includes(key))
      : [];

  describe.each(ERRORS.filter((c) => otherFields(c).length > 0))(
    "$name: the body's other fields",
    (c) => {
      let aws: Outcome;
      let sf: Outcome;
      beforeAll(async () => {
        ({ aws, sagefetch: sf } = await runBoth({ region: "us-east-1" }, INPUT, c.answer));
      });
      it.each(otherFields(c))("are on the error: %s", (key) => {
        expect(prop(sf.error, key)).toEqual(prop(aws.error, key));
      });
    },
  );

  // An answer that is not JSON (a load balancer's or proxy's HTML page) is where the two differ by
  // design: the AWS SDK throws the bare SyntaxError of JSON.parse (with `$metadata` attached),
  // sagefetch a SageMakerRuntimeServiceException that says what happened.
  const NON_JSON: AnswerCase[] = [
    {
      name: "HTML 502 from a load balancer",
      answer: {
        status: 502,
        headers: { "Content-Type": "text/html" },
        body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
      },
    },
    {
      name: "plain-text 403 from a proxy",
      answer: { status: 403, headers: { "Content-Type": "text/plain" }, body: "Forbidden" },
    },
  ];

  describe.each(NON_JSON)("$name (a documented difference)", ({ answer }) => {
    let aws: Outcome;
    let sf: Outcome;

    beforeAll(async () => {
      ({ aws, sagefetch: sf } = await runBoth({ region: "us-east-1" }, INPUT, answer));
    });

    it("makes the AWS SDK throw a bare SyntaxError", () => {
      expect(aws.error).toBeInstanceOf(SyntaxError);
      expect(prop(prop(aws.error, "$metadata"), "httpStatusCode")).toBe(answer.status);
    });

    it("makes sagefetch throw a SageMakerRuntimeServiceException with the status and a message", () => {
      expect(sf.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
      expect(prop(prop(sf.error, "$metadata"), "httpStatusCode")).toBe(answer.status);
      expect(prop(sf.error, "$fault")).toBe(answer.status >= 500 ? "server" : "client");
      expect(prop(sf.error, "message")).toEqual(expect.stringContaining(String(answer.status)));
    });
  });
});
