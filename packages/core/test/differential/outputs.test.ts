// Success answers: the same recorded answer, fed to sagefetch and to the AWS SDK, must give the
// same output, field by field.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Answer,
  type Input,
  isolateFromAwsEnvironment,
  type Outcome,
  prop,
  runBoth,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

const INPUT: Input = { EndpointName: "my-endpoint", Body: "{}", ContentType: "application/json" };

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Every output header, in the case the service writes them. */
const ALL_OUTPUT_HEADERS: Record<string, string> = {
  "Content-Type": "application/json",
  "x-Amzn-Invoked-Production-Variant": "AllTraffic",
  "X-Amzn-SageMaker-Custom-Attributes": "trace=1;model=2",
  "X-Amzn-SageMaker-New-Session-Id": "f1b2c3d4-session-42; Expires=2026-11-24T12:20:00Z",
  "X-Amzn-SageMaker-Closed-Session-Id": "0a9b8c7d-session-41",
  "x-amzn-RequestId": "5b2e4a6c-0d1f-4e3a-9b8c-7d6e5f4a3b2c",
};

const lowerCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const upperCased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));

const ANSWERS: { name: string; answer: Answer }[] = [
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

const OUTPUT_FIELDS = [
  "ContentType",
  "InvokedProductionVariant",
  "CustomAttributes",
  "NewSessionId",
  "ClosedSessionId",
];

const METADATA_FIELDS = [
  "httpStatusCode",
  "requestId",
  "extendedRequestId",
  "cfId",
  "attempts",
  "totalRetryDelay",
];

/** The body as comparable data: null when absent, else its bytes and its decodings. */
function bodyOf(output: Record<string, unknown> | undefined) {
  const body = prop(output, "Body") as
    | (Uint8Array & { transformToString(encoding?: string): string })
    | null
    | undefined;
  if (body === undefined || body === null) return body;
  return {
    bytes: Array.from(body),
    text: body.transformToString(),
    base64: body.transformToString("base64"),
    isUint8Array: body instanceof Uint8Array,
  };
}

/** The output's fields that have a value (`$metadata` aside). */
const fieldsSet = (output: Record<string, unknown> | undefined) =>
  Object.keys(output ?? {})
    .filter((key) => key !== "$metadata" && output?.[key] !== undefined)
    .sort();

describe.each(ANSWERS)("$name", ({ answer }) => {
  let aws: Outcome;
  let sf: Outcome;

  beforeAll(async () => {
    ({ aws, sagefetch: sf } = await runBoth({ region: "us-east-1" }, INPUT, answer));
    expect(aws.error).toBeUndefined();
    expect(sf.error).toBeUndefined();
  });

  it.each(METADATA_FIELDS)("has the same $metadata.%s", (field) => {
    expect(prop(prop(sf.output, "$metadata"), field)).toBe(
      prop(prop(aws.output, "$metadata"), field),
    );
  });

  it("has the same Body (bytes, transformToString() and base64)", () => {
    if (prop(aws.output, "Body") === null) {
      // Deliberate difference: for an empty answer the AWS SDK gives `Body: null` (its type
      // says Uint8ArrayBlobAdapter); sagefetch gives an empty one, so that
      // `out.Body.transformToString()` never throws.
      expect(bodyOf(sf.output)).toEqual({ bytes: [], text: "", base64: "", isUint8Array: true });
      return;
    }
    expect(bodyOf(sf.output)).toEqual(bodyOf(aws.output));
  });

  it.each(OUTPUT_FIELDS)("has the same %s", (field) => {
    expect(prop(sf.output, field)).toBe(prop(aws.output, field));
  });

  it("has the same set of fields", () => {
    expect(fieldsSet(sf.output)).toEqual(fieldsSet(aws.output));
  });
});
