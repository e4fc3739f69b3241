// Error answers: the same recorded answer, fed to sagefetch and to the AWS SDK, must throw the
// same error: name, fault, message, fields, metadata, and an instance of the same-named class of
// each package.

import * as sagefetch from "@sagefetch/core";
import vectors from "@vectors/restjson1-error-codes.json";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Answer,
  type Input,
  isolateFromAwsEnvironment,
  type Outcome,
  ownClass,
  prop,
  runBoth,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

const INPUT: Input = { EndpointName: "my-endpoint", Body: "{}", ContentType: "application/json" };
const REQUEST_ID = "7c1f2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
const CORAL = "http://internal.amazon.com/coral/com.amazon.coral.service/";

interface ErrorCase {
  name: string;
  answer: Answer;
}

/** A JSON error answer; `errorType` goes in x-amzn-ErrorType when given. */
const json = (status: number, errorType: string | undefined, body: object): Answer => ({
  status,
  headers: {
    "Content-Type": "application/json",
    "x-amzn-RequestId": REQUEST_ID,
    ...(errorType === undefined ? {} : { "x-amzn-ErrorType": errorType }),
  },
  body: JSON.stringify(body),
});

const NOT_FOUND = "Endpoint my-endpoint of account 123456789012 not found.";
const INTERNAL = "An internal error occurred while processing the request.";
const UNAVAILABLE = "The service is unavailable. Please try again later.";
const MODEL_ERROR_BODY = {
  ErrorCode: "CLIENT_ERROR_FROM_MODEL",
  LogStreamArn:
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/my-endpoint",
  Message:
    'Received client error (400) from primary with message "bad input". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/my-endpoint in account 123456789012 for more information.',
  OriginalMessage: "bad input",
  OriginalStatusCode: 400,
};

// The 6 modeled errors, as the service sends them: the code in x-amzn-ErrorType with Coral's
// URI suffix, the message in `message` or `Message`.
// biome-ignore format: one answer a line reads as a table
const MODELED: ErrorCase[] = [
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

const UNMODELED: ErrorCase[] = UNMODELED_CODES.flatMap(([code, status, message]) => [
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
const VECTORS: ErrorCase[] = (vectors as { cases: CodeVector[] }).cases.map((v) => ({
  name: `vector ${v.id}`,
  answer: {
    status: v.status,
    headers: { ...v.headers, "x-amzn-RequestId": REQUEST_ID },
    body: v.body === null ? "" : typeof v.body === "string" ? v.body : JSON.stringify(v.body),
  },
}));

const OTHERS: ErrorCase[] = [
  { name: "500 with an empty body and no header", answer: { status: 500 } },
  { name: "400 with an empty JSON object", answer: json(400, undefined, {}) },
];

const CASES: ErrorCase[] = [...MODELED, ...UNMODELED, ...VECTORS, ...OTHERS];

const MODELED_FIELDS = ["OriginalStatusCode", "OriginalMessage", "LogStreamArn"];

describe.each(CASES)("$name", ({ answer }) => {
  let aws: Outcome;
  let sf: Outcome;

  beforeAll(async () => {
    ({ aws, sagefetch: sf } = await runBoth({ region: "us-east-1" }, INPUT, answer));
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
    expect(prop(sf.error, field)).toBe(prop(aws.error, field));
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

// The AWS SDK copies every field of the error's JSON body onto the error (decorateServiceException),
// modeled or not: ModelError's `ErrorCode` (which real ModelError answers carry), or any detail a
// service adds. Code that reads them breaks when the import changes. (It copies the code keys
// `code` and `__type` too; those are left out here as protocol plumbing.)
const PLUMBING = ["message", "Message", "code", "__type", ...MODELED_FIELDS];
const otherFields = (c: ErrorCase) =>
  typeof c.answer.body === "string" && c.answer.body.startsWith("{")
    ? Object.keys(JSON.parse(c.answer.body) as object).filter((key) => !PLUMBING.includes(key))
    : [];

describe.each(CASES.filter((c) => otherFields(c).length > 0))(
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
const NON_JSON: ErrorCase[] = [
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
