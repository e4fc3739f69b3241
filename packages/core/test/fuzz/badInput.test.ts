// A corpus of bad input for every field of the three operations (too long, too short, wrong
// pattern, non-ASCII, CR/LF and other header injection, NUL and other controls, wrong types,
// oversized bodies), each refused with a ValidationError that names the field, before the
// credentials are asked for and before any network call; then random strings in every header
// field, each refused the same way or sent so that the service verifies the signature.

import { setupMockService } from "@sagefetch/testing/startMock";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  InvokeEndpointAsyncCommand,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
  ValidationError,
} from "../../src/index";
import { RUNS } from "./arbitraries";

const MAX_BODY = 6 * 1024 * 1024;

interface FieldSpec {
  max: number;
  min?: number;
  /** A value of the right length and characters that breaks the field's pattern. */
  badPattern?: string[];
}

const NAME_BAD = ["my_endpoint", "-leading", "trailing-", "a/../b", "dots.in.name", "a b"];
const COMMON: Record<string, FieldSpec> = {
  EndpointName: { max: 63, badPattern: NAME_BAD },
  ContentType: { max: 1024 },
  Accept: { max: 1024 },
  CustomAttributes: { max: 1024 },
  InferenceId: { min: 1, max: 64, badPattern: [" leading-space", "\ttab-first"] },
};
const ROUTING: Record<string, FieldSpec> = {
  TargetVariant: { max: 63, badPattern: NAME_BAD },
  TargetContainerHostname: { max: 63, badPattern: NAME_BAD },
  InferenceComponentName: { max: 63, badPattern: ["ends-with-dash-", "under_score", "-x"] },
  PrefixAwareId: { min: 1, max: 1024 },
};

type Input = Record<string, unknown>;
interface Operation {
  command: (input: Input) => InvokeEndpointCommand;
  valid: Input;
  fields: Record<string, FieldSpec>;
  bodyRequired: boolean;
}

const OPERATIONS: Record<string, Operation> = {
  InvokeEndpoint: {
    command: (input) => new InvokeEndpointCommand(input as never),
    valid: { EndpointName: "ep", Body: "{}" },
    bodyRequired: true,
    fields: {
      ...COMMON,
      ...ROUTING,
      TargetModel: { min: 1, max: 1024, badPattern: [" model.tar.gz"] },
      EnableExplanations: { min: 1, max: 64 },
      SessionId: { max: 256, badPattern: ["new_session", "NEW_SESSION-", "-abc", "a b"] },
    },
  },
  InvokeEndpointWithResponseStream: {
    command: (input) => new InvokeEndpointWithResponseStreamCommand(input as never) as never,
    valid: { EndpointName: "ep", Body: "{}" },
    bodyRequired: true,
    fields: {
      ...COMMON,
      ...ROUTING,
      SessionId: { max: 256, badPattern: ["NEW_SESSION", "new_session", "-abc"] },
    },
  },
  InvokeEndpointAsync: {
    command: (input) => new InvokeEndpointAsyncCommand(input as never) as never,
    valid: { EndpointName: "ep", InputLocation: "s3://bucket/in.json" },
    bodyRequired: false,
    fields: {
      ...COMMON,
      InputLocation: {
        min: 1,
        max: 1024,
        badPattern: ["ftp://b/k", "s3:/b/k", "https://", "bucket/k"],
      },
      S3OutputPathExtension: { min: 1, max: 1024 },
      Filename: { min: 1, max: 1024 },
    },
  },
};

const NON_ASCII = ["é", "日本語", "emoji 👋", "line\u2028separator", "nb\u00a0sp", "\ufeffbom"];
const INJECTION = [
  "a\r\nX-Injected: 1",
  "a\nx-amz-security-token: forged",
  "a\rb",
  "trailing\r\n",
  "\r\n\r\nGET / HTTP/1.1",
];
const CONTROLS = [
  "a\u0000b",
  "\u0000",
  "bell\u0007",
  "\u001b[31mred",
  "del\u007f",
  "vt\u000b",
  "ff\u000c",
];
const WRONG_TYPES: unknown[] = [
  42,
  0,
  true,
  {},
  ["a"],
  () => "x",
  1n,
  Symbol("x"),
  new String("x"),
  new Date(0),
];

/** [field, value, rule] for every string field of an operation. */
function corpus(op: Operation): [string, unknown, string][] {
  const rows: [string, unknown, string][] = [];
  for (const [field, spec] of Object.entries(op.fields)) {
    rows.push([field, "a".repeat(spec.max + 1), "maxLength"]);
    if (spec.min) rows.push([field, "", "minLength"]);
    for (const value of spec.badPattern ?? []) rows.push([field, value, "pattern"]);
    for (const value of [...NON_ASCII, ...INJECTION, ...CONTROLS])
      rows.push([field, value, "ascii"]);
    for (const value of WRONG_TYPES) rows.push([field, value, "type"]);
  }
  rows.push(["EndpointName", undefined, "required"], ["EndpointName", null, "required"]);
  // Bodies: wrong types, and one byte over 6 MiB in every form (a string counts its UTF-8 bytes).
  for (const value of [
    42,
    true,
    { json: true },
    [1, 2],
    () => 1,
    1n,
    new ReadableStream(),
    new String("x"),
  ]) {
    rows.push(["Body", value, "type"]);
  }
  for (const value of [
    new Uint8Array(MAX_BODY + 1),
    new Uint8Array(MAX_BODY + 1).buffer,
    new DataView(new ArrayBuffer(MAX_BODY + 1)),
    new Uint16Array(MAX_BODY / 2 + 1),
    new Blob([new Uint8Array(MAX_BODY + 1)]),
    "x".repeat(MAX_BODY + 1),
    "é".repeat(MAX_BODY / 2 + 1), // 3 Mi characters, 6 MiB + 2 bytes
  ]) {
    rows.push(["Body", value, "maxBytes"]);
  }
  if (op.bodyRequired) rows.push(["Body", undefined, "required"], ["Body", null, "required"]);
  return rows;
}

const ASYNC_ONLY: [string, Input, string, string][] = [
  ["RequestTTLSeconds 59", { RequestTTLSeconds: 59 }, "RequestTTLSeconds", "range"],
  ["RequestTTLSeconds 21601", { RequestTTLSeconds: 21601 }, "RequestTTLSeconds", "range"],
  ["RequestTTLSeconds 60.5", { RequestTTLSeconds: 60.5 }, "RequestTTLSeconds", "type"],
  ['RequestTTLSeconds "60"', { RequestTTLSeconds: "60" }, "RequestTTLSeconds", "type"],
  ["RequestTTLSeconds NaN", { RequestTTLSeconds: Number.NaN }, "RequestTTLSeconds", "type"],
  [
    "RequestTTLSeconds Infinity",
    { RequestTTLSeconds: Number.POSITIVE_INFINITY },
    "RequestTTLSeconds",
    "type",
  ],
  [
    "InvocationTimeoutSeconds 0",
    { InvocationTimeoutSeconds: 0 },
    "InvocationTimeoutSeconds",
    "range",
  ],
  [
    "InvocationTimeoutSeconds 3601",
    { InvocationTimeoutSeconds: 3601 },
    "InvocationTimeoutSeconds",
    "range",
  ],
  [
    "InvocationTimeoutSeconds -1",
    { InvocationTimeoutSeconds: -1 },
    "InvocationTimeoutSeconds",
    "range",
  ],
  [
    "InvocationTimeoutSeconds 1n",
    { InvocationTimeoutSeconds: 1n },
    "InvocationTimeoutSeconds",
    "type",
  ],
  ["Body and InputLocation", { Body: "{}" }, "Body", "exclusive"],
  ["neither Body nor InputLocation", { InputLocation: undefined }, "InputLocation", "required"],
];

/** A client whose fetch and credentials provider must never be called. */
function guarded() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("{}"));
  const credentials = vi.fn(async () => ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" }));
  const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials, fetch });
  return { client, fetch, credentials };
}

async function expectRefused(
  op: string,
  input: Input,
  field: string,
  rule: string,
  value?: unknown,
) {
  const { client, fetch, credentials } = guarded();
  const spec = OPERATIONS[op] as Operation;
  const error = await client.send(spec.command(input)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(SageMakerRuntimeServiceException.isInstance(error)).toBe(true);
  expect(error).toMatchObject({
    name: "ValidationError",
    $fault: "client",
    field,
    rule,
    $metadata: { attempts: 0 },
  });
  const message = (error as Error).message;
  expect(message).toContain(`${op}: ${field} `);
  if (typeof value === "string" && value.length >= 6) expect(message).not.toContain(value);
  expect(credentials).not.toHaveBeenCalled();
  expect(fetch).not.toHaveBeenCalled();
}

const label = (value: unknown) => {
  if (typeof value === "string") {
    return value.length > 40 ? `string(${value.length})` : JSON.stringify(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "function") return "a function";
  if (value === null || value === undefined) return String(value);
  const size = (value as { byteLength?: number; size?: number }).byteLength ?? (value as Blob).size;
  return `${(value as object).constructor.name}${size === undefined ? "" : `(${size})`}`;
};

describe.each(Object.keys(OPERATIONS))("%s: the bad input corpus", (op) => {
  const spec = OPERATIONS[op] as Operation;
  it.each(corpus(spec).map(([field, value, rule]) => [field, label(value), rule, value] as const))(
    "%s = %s: %s",
    async (field, _label, rule, value) => {
      await expectRefused(op, { ...spec.valid, [field]: value }, field, rule, value);
    },
  );
});

describe("InvokeEndpointAsync: numbers and exclusive fields", () => {
  it.each(ASYNC_ONLY.map(([what, extra, field, rule]) => ({ what, extra, field, rule })))(
    "$what: refused ($field $rule)",
    async ({ extra, field, rule }) => {
      const spec = OPERATIONS.InvokeEndpointAsync as Operation;
      await expectRefused("InvokeEndpointAsync", { ...spec.valid, ...extra }, field, rule);
    },
  );

  it.each([undefined, null, 42, "a string"])(
    "an input that is %j is refused on EndpointName",
    async (input) => {
      await expectRefused("InvokeEndpoint", input as never, "EndpointName", "required");
    },
  );
});

// Random strings in every header field: refused before the network with a ValidationError
// naming the field, or sent, signed so that the service's verifier accepts it, and delivered
// as given (less the leading and trailing blanks HTTP drops).
const service = setupMockService();

const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[\t -~]{0,70}$/),
  fc.constantFrom(...NON_ASCII, ...INJECTION, ...CONTROLS, " spaced  out ", "\ttabbed\t", "  "),
);
const HEADERS: Record<string, string> = {
  ContentType: "content-type",
  Accept: "accept",
  CustomAttributes: "x-amzn-sagemaker-custom-attributes",
  InferenceId: "x-amzn-sagemaker-inference-id",
  EnableExplanations: "x-amzn-sagemaker-enable-explanations",
  PrefixAwareId: "x-amzn-sagemaker-prefix-aware-id",
};

describe("InvokeEndpoint with random strings in its header fields, property-based", () => {
  it("refused with a ValidationError naming the field, or signed, verified and delivered", {
    timeout: 30_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(HEADERS)),
        anyString,
        async (field, value) => {
          service.reset();
          const outcome = await service
            .client()
            .send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "{}", [field]: value }))
            .then(
              (out) => ({ out, error: undefined }),
              (error: unknown) => ({ out: undefined, error }),
            );
          if (outcome.error) {
            expect(outcome.error).toBeInstanceOf(ValidationError);
            expect(outcome.error).toMatchObject({ field, $metadata: { attempts: 0 } });
            expect(service.mock.requests).toHaveLength(0);
            return;
          }
          expect(service.mock.requests).toHaveLength(1);
          const received = service.mock.requests[0]?.headers[HEADERS[field] as string];
          expect(received).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ""));
        },
      ),
      RUNS,
    );
  });
});
