// What goes on the wire for InvokeEndpointWithResponseStream and InvokeEndpointAsync: the same call
// through sagefetch and through `@aws-sdk/client-sagemaker-runtime`, signed at the same instant,
// must give the same method, URL, body bytes and meaningful headers, with the same credential scope
// and a signature that verifies (checked as in requests.test.ts, which explains why the two
// Authorization headers themselves cannot be compared).
//
// Then the inputs sagefetch refuses before sending, where the AWS SDK sends them as they are.
import * as sagefetch from "@sagefetch/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  isolateFromAwsEnvironment,
  type OperationName,
  parseAuthorization,
  prop,
  recomputeAuthorization,
  runBothOperation,
  sha256Hex,
  type WireRequest,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

type Fields = Record<string, unknown>;

interface RequestCase {
  name: string;
  operation: OperationName;
  options?: ClientOptions;
  input: Fields;
}

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

// --- InvokeEndpointWithResponseStream ------------------------------------------------------------

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

const STREAM_CASES: RequestCase[] = [
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
].map((c) => ({
  ...c,
  operation: "InvokeEndpointWithResponseStream" as const,
  input: { ...STREAM_BASE, ...c.input },
}));

// --- InvokeEndpointAsync -------------------------------------------------------------------------

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

const ASYNC_CASES: RequestCase[] = [
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
].map((c) => ({
  ...c,
  operation: "InvokeEndpointAsync" as const,
  input: { EndpointName: "my-endpoint", ...c.input },
}));

const CASES: RequestCase[] = [...STREAM_CASES, ...ASYNC_CASES];

/** Headers whose values must be equal between the two clients. */
const COMPARED_HEADERS = [
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

const sagemakerHeaderNames = (r: WireRequest) =>
  Object.keys(r.headers)
    .filter((name) => name.startsWith("x-amzn-sagemaker-"))
    .sort();

describe.each(CASES)("$operation: $name", (c) => {
  const options: ClientOptions = { region: "us-east-1", ...c.options };
  let aws: WireRequest;
  let sf: WireRequest;

  beforeAll(async () => {
    const answer =
      c.operation === "InvokeEndpointAsync"
        ? { status: 202, headers: {}, body: '{"InferenceId":"x"}' }
        : { status: 200, headers: {} };
    const both = await runBothOperation(c.operation, options, c.input, answer);
    // Both calls must succeed for the comparison to mean anything.
    expect(both.aws.error).toBeUndefined();
    expect(both.sagefetch.error).toBeUndefined();
    aws = both.aws.request as WireRequest;
    sf = both.sagefetch.request as WireRequest;
  });

  it("uses the same method", () => {
    expect(sf.method).toBe(aws.method);
  });

  it("uses the same URL (protocol, host, port, path)", () => {
    expect(sf.url).toBe(aws.url);
  });

  it("sends the same body bytes", () => {
    expect(Array.from(sf.body)).toEqual(Array.from(aws.body));
  });

  it.each(COMPARED_HEADERS)("sends the same %s header", (name) => {
    expect(sf.headers[name]).toBe(aws.headers[name]);
  });

  it("sends the same set of x-amzn-sagemaker-* headers", () => {
    expect(sagemakerHeaderNames(sf)).toEqual(sagemakerHeaderNames(aws));
  });

  it("signs with the same credential scope", () => {
    const ours = parseAuthorization(sf.headers.authorization);
    const theirs = parseAuthorization(aws.headers.authorization);
    expect(`${ours.accessKeyId}/${ours.scope}`).toBe(`${theirs.accessKeyId}/${theirs.scope}`);
  });

  it("sends x-amz-content-sha256 = SHA-256 of the bytes it sends", async () => {
    expect(sf.headers["x-amz-content-sha256"]).toBe(await sha256Hex(sf.body));
  });

  it("sends a signature that verifies", async () => {
    const { signedHeaders } = parseAuthorization(sf.headers.authorization);
    const { region } = parseAuthorization(aws.headers.authorization);
    const expected = await recomputeAuthorization(
      sf,
      signedHeaders,
      region,
      !!options.sessionToken,
    );
    expect(sf.headers.authorization).toBe(expected);
  });

  it("signs every header it sends (host aside, which fetch derives from the URL)", () => {
    const { signedHeaders } = parseAuthorization(sf.headers.authorization);
    const unsigned = Object.keys(sf.headers).filter(
      (name) => name !== "authorization" && !signedHeaders.includes(name),
    );
    expect(unsigned).toEqual([]);
  });
});

// The signature check must reproduce the AWS SDK's own signatures for these operations too.
describe("the signature check itself", () => {
  it.each(CASES.filter((c) => /every field|session token/.test(c.name)))(
    "reproduces the AWS SDK's own signature: $operation: $name",
    async (c) => {
      const options: ClientOptions = { region: "us-east-1", ...c.options };
      const { aws } = await runBothOperation(c.operation, options, c.input, {
        status: c.operation === "InvokeEndpointAsync" ? 202 : 200,
        body: c.operation === "InvokeEndpointAsync" ? "{}" : "",
      });
      const request = aws.request as WireRequest;
      const { signedHeaders, region } = parseAuthorization(request.headers.authorization);
      expect(
        await recomputeAuthorization(request, signedHeaders, region, !!options.sessionToken),
      ).toBe(request.headers.authorization);
    },
  );
});

// --- Inputs sagefetch refuses before sending -----------------------------------------------------

// A deliberate difference: the AWS SDK validates nothing and sends these as they are (the service
// then answers 400); sagefetch refuses them before signing, without a request.
interface RefusedCase {
  name: string;
  operation: OperationName;
  input: Fields;
  field: string;
  rule: string;
  /** What the AWS SDK puts on the wire instead. */
  awsSends: (r: WireRequest) => void;
}

const REFUSED: RefusedCase[] = [
  {
    name: "InvokeEndpointAsync with both Body and InputLocation",
    operation: "InvokeEndpointAsync",
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
    operation: "InvokeEndpointAsync",
    input: { EndpointName: "my-endpoint", ContentType: "application/json" },
    field: "InputLocation",
    rule: "required",
    awsSends: (r) => {
      expect(r.body.byteLength).toBe(0);
      expect(r.headers).not.toHaveProperty("x-amzn-sagemaker-inputlocation");
    },
  },
  {
    name: "InvokeEndpointWithResponseStream with SessionId NEW_SESSION",
    operation: "InvokeEndpointWithResponseStream",
    input: { EndpointName: "my-endpoint", Body: "{}", SessionId: "NEW_SESSION" },
    field: "SessionId",
    rule: "pattern",
    awsSends: (r) => {
      expect(r.headers["x-amzn-sagemaker-session-id"]).toBe("NEW_SESSION");
    },
  },
];

describe.each(REFUSED)("$name", (c) => {
  let both: Awaited<ReturnType<typeof runBothOperation>>;

  beforeAll(async () => {
    both = await runBothOperation(c.operation, { region: "us-east-1" }, c.input, {
      status: c.operation === "InvokeEndpointAsync" ? 202 : 200,
      body: c.operation === "InvokeEndpointAsync" ? '{"InferenceId":"x"}' : "",
    });
  });

  it("is sent by the AWS SDK as it is", () => {
    expect(both.aws.error).toBeUndefined();
    expect(both.aws.request).toBeDefined();
    c.awsSends(both.aws.request as WireRequest);
  });

  it("is refused by sagefetch with a ValidationError, before anything is sent", () => {
    expect(both.sagefetch.request).toBeUndefined();
    const error = both.sagefetch.error;
    expect(error).toBeInstanceOf(sagefetch.ValidationError);
    expect(prop(error, "$fault")).toBe("client");
    expect(prop(error, "field")).toBe(c.field);
    expect(prop(error, "rule")).toBe(c.rule);
    expect(prop(prop(error, "$metadata"), "attempts")).toBe(0);
  });
});
