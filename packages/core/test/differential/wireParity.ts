// One parity suite for every operation: the same call through sagefetch and through
// `@aws-sdk/client-sagemaker-runtime` must put the same request on the wire, and the same recorded
// answer, fed to both, must give the same output or the same error.
//
// The signatures themselves cannot be compared: the AWS SDK also signs `user-agent`,
// `x-amz-user-agent` and `content-length`, which sagefetch does not send (browsers forbid
// setting `content-length` and `user-agent`; fetch sets them). So the two `Authorization`
// headers must agree on the credential scope, and sagefetch's signature is checked by
// recomputing it here with `@smithy/signature-v4` over the headers it says it signed.
import * as sagefetch from "@sagefetch/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ChunkedAnswer,
  type ClientOptions,
  cut,
  isolateFromAwsEnvironment,
  type OperationName,
  type OperationOutcome,
  ownClass,
  parseAuthorization,
  prop,
  recomputeAuthorization,
  runBothOperation,
  sha256Hex,
  type WireRequest,
} from "./harness";

export type Fields = Record<string, unknown>;

export interface RequestCase {
  name: string;
  options?: ClientOptions;
  /** The whole input (EndpointName included). */
  input: Fields;
  /**
   * A value the AWS SDK is known to send differently (`url`, or a header name), what it sends,
   * and why. sagefetch's own value is still checked: by the other tests of the case (body hash
   * against the bytes, signature recomputed), or by `sagefetch` here.
   */
  knownDifference?: { what: string; aws: string; sagefetch?: string; why: string };
}

export interface AnswerCase {
  name: string;
  answer: ChunkedAnswer;
}

/** An input sagefetch refuses before sending, where the AWS SDK sends it as it is. */
export interface RefusedCase {
  name: string;
  input: Fields;
  field: string;
  rule: string;
  /** What the AWS SDK puts on the wire instead. */
  awsSends: (r: WireRequest) => void;
}

export interface WireParity {
  requests: {
    cases: RequestCase[];
    /** Headers whose values must be equal between the two clients. */
    comparedHeaders: string[];
    /** What the service answers, so that both calls succeed. */
    answer: ChunkedAnswer;
    /** Cases whose AWS SDK request the signature check must reproduce, to show it can fail. */
    signatureChecks: RequestCase[];
  };
  /** Success answers (other than a response stream) and the output fields they fill in. */
  outputs?: { input: Fields; cases: AnswerCase[]; fields: string[]; hasBody: boolean };
  /** Error answers, each delivered whole and one byte at a time. */
  errors: { input: Fields; cases: AnswerCase[] };
  /** A deliberate difference: the AWS SDK validates nothing (the service then answers 400). */
  refused?: RefusedCase[];
}

const METADATA_FIELDS = [
  "httpStatusCode",
  "requestId",
  "extendedRequestId",
  "cfId",
  "attempts",
  "totalRetryDelay",
];
/** ModelError's fields (the AWS SDK also copies `ErrorCode` from the body). */
const MODELED_FIELDS = ["OriginalStatusCode", "OriginalMessage", "LogStreamArn", "ErrorCode"];

/** The suites of one operation: requests, outputs, errors and refused inputs. */
export function describeWireParity(operation: OperationName, parity: WireParity): void {
  describe(operation, () => {
    // In beforeAll: the cases run both clients in their own beforeAll, before any beforeEach.
    beforeAll(isolateFromAwsEnvironment);
    afterAll(() => vi.unstubAllEnvs());

    describeRequests(operation, parity.requests);
    if (parity.outputs) describeOutputs(operation, parity.outputs);
    describeErrors(operation, parity.errors);
    if (parity.refused) describeRefused(operation, parity.refused, parity.requests.answer);
  });
}

const sagemakerHeaderNames = (r: WireRequest) =>
  Object.keys(r.headers)
    .filter((name) => name.startsWith("x-amzn-sagemaker-"))
    .sort();

function describeRequests(operation: OperationName, spec: WireParity["requests"]): void {
  describe.each(spec.cases)("request: $name", (c) => {
    const options: ClientOptions = { region: "us-east-1", ...c.options };
    let aws: WireRequest;
    let sf: WireRequest;

    beforeAll(async () => {
      const both = await runBothOperation(operation, options, c.input, spec.answer);
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
      if (c.knownDifference?.what === "url") {
        expect(aws.url, c.knownDifference.why).toBe(c.knownDifference.aws);
        expect(sf.url).toBe(c.knownDifference.sagefetch);
        return;
      }
      expect(sf.url).toBe(aws.url);
    });

    it("sends the same body bytes", () => {
      expect(Array.from(sf.body)).toEqual(Array.from(aws.body));
    });

    it.each(spec.comparedHeaders)("sends the same %s header", (name) => {
      if (c.knownDifference?.what === name) {
        expect(aws.headers[name], c.knownDifference.why).toBe(c.knownDifference.aws);
        return;
      }
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
      // The region of the credential scope the AWS SDK signs for: what the service expects.
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
      expect(signedHeaders).toContain("host");
    });

    it.each(["host", "content-length", "user-agent"])("never passes %s to fetch", (name) => {
      expect(sf.headers).not.toHaveProperty(name);
    });
  });

  // The signature check above must be able to fail: it reproduces the AWS SDK's own signatures,
  // and rejects a request changed after signing.
  describe("the signature check itself", () => {
    it.each(spec.signatureChecks)("reproduces the AWS SDK's own signature: $name", async (c) => {
      const options: ClientOptions = { region: "us-east-1", ...c.options };
      const { aws } = await runBothOperation(operation, options, c.input, spec.answer);
      const request = aws.request as WireRequest;
      const { signedHeaders, region } = parseAuthorization(request.headers.authorization);
      expect(
        await recomputeAuthorization(request, signedHeaders, region, !!options.sessionToken),
      ).toBe(request.headers.authorization);
    });

    it.each([
      [
        "a signed header changed",
        (r: WireRequest) => ({
          ...r,
          headers: { ...r.headers, "amz-sdk-request": "attempt=2; max=3" },
        }),
      ],
      ["the body changed", (r: WireRequest) => ({ ...r, body: new Uint8Array([...r.body, 0x20]) })],
      [
        "the path changed",
        (r: WireRequest) => ({ ...r, url: r.url.replace("my-endpoint", "other-endpoint") }),
      ],
    ] as const)("rejects a sagefetch request with %s", async (_label, tamper) => {
      const first = spec.cases[0] as RequestCase;
      const { sagefetch } = await runBothOperation(
        operation,
        { region: "us-east-1" },
        first.input,
        spec.answer,
      );
      const request = sagefetch.request as WireRequest;
      const { signedHeaders } = parseAuthorization(request.headers.authorization);
      const expected = await recomputeAuthorization(request, signedHeaders, "us-east-1", false);
      expect(request.headers.authorization).toBe(expected);
      expect(
        await recomputeAuthorization(tamper(request), signedHeaders, "us-east-1", false),
      ).not.toBe(request.headers.authorization);
    });
  });
}

/**
 * Both clients' outcomes of one call answered with `answer`, made before the tests of the
 * describe block this is called in; both calls must succeed, or both fail, as `expected` says.
 */
function bothAnswered(
  operation: OperationName,
  input: Fields,
  answer: ChunkedAnswer,
  expected: "succeeds" | "fails",
): { aws: OperationOutcome; sf: OperationOutcome } {
  const both = {} as { aws: OperationOutcome; sf: OperationOutcome };
  beforeAll(async () => {
    ({ aws: both.aws, sagefetch: both.sf } = await runBothOperation(
      operation,
      { region: "us-east-1" },
      input,
      answer,
    ));
    for (const outcome of [both.aws, both.sf]) {
      if (expected === "succeeds") expect(outcome.error).toBeUndefined();
      else expect(outcome.error).toBeInstanceOf(Error);
    }
  });
  return both;
}

/** The body as comparable data: null when absent, else its bytes and its decodings. */
function bodyOf(output: Fields | undefined) {
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
const fieldsSet = (output: Fields | undefined) =>
  Object.keys(output ?? {})
    .filter((key) => key !== "$metadata" && output?.[key] !== undefined)
    .sort();

function describeOutputs(operation: OperationName, spec: NonNullable<WireParity["outputs"]>): void {
  describe.each(spec.cases)("output: $name", ({ answer }) => {
    const both = bothAnswered(operation, spec.input, answer, "succeeds");

    it.each(METADATA_FIELDS)("has the same $metadata.%s", (field) => {
      expect(prop(prop(both.sf.output, "$metadata"), field)).toBe(
        prop(prop(both.aws.output, "$metadata"), field),
      );
    });

    if (spec.hasBody) {
      it("has the same Body (bytes, transformToString() and base64)", () => {
        if (prop(both.aws.output, "Body") === null) {
          // Deliberate difference: for an empty answer the AWS SDK gives `Body: null` (its type
          // says Uint8ArrayBlobAdapter); sagefetch gives an empty one, so that
          // `out.Body.transformToString()` never throws.
          expect(bodyOf(both.sf.output)).toEqual({
            bytes: [],
            text: "",
            base64: "",
            isUint8Array: true,
          });
          return;
        }
        expect(bodyOf(both.sf.output)).toEqual(bodyOf(both.aws.output));
      });
    }

    it.each(spec.fields)("has the same %s", (field) => {
      expect(prop(both.sf.output, field)).toBe(prop(both.aws.output, field));
    });

    it("has the same set of fields", () => {
      expect(fieldsSet(both.sf.output)).toEqual(fieldsSet(both.aws.output));
    });
  });
}

function describeErrors(operation: OperationName, spec: WireParity["errors"]): void {
  const cases = spec.cases.flatMap(({ name, answer }) => [
    { name: `${name}, whole`, answer },
    {
      name: `${name}, one byte at a time`,
      answer: { ...answer, chunks: cut(bodyBytes(answer), [1]) },
    },
  ]);

  describe.each(cases)("error: $name", ({ answer }) => {
    const both = bothAnswered(operation, spec.input, answer, "fails");

    it.each(["name", "$fault", "message"])("has the same %s", (field) => {
      expect(prop(both.sf.error, field)).toBe(prop(both.aws.error, field));
    });

    it("has the same Message (the AWS SDK moves it into message and deletes it)", () => {
      expect(prop(both.sf.error, "Message")).toBe(prop(both.aws.error, "Message"));
    });

    it.each(MODELED_FIELDS)("has the same %s", (field) => {
      expect(prop(both.sf.error, field)).toEqual(prop(both.aws.error, field));
    });

    it.each(["httpStatusCode", "requestId", "attempts"])("has the same $metadata.%s", (field) => {
      expect(prop(prop(both.sf.error, "$metadata"), field)).toBe(
        prop(prop(both.aws.error, "$metadata"), field),
      );
    });

    it("is an instance of its package's class of the same name", () => {
      const name = String(prop(both.aws.error, "name"));
      expect(both.aws.error).toBeInstanceOf(ownClass("aws", name));
      expect(both.sf.error).toBeInstanceOf(ownClass("sagefetch", name));
    });

    it("is an instance of its package's SageMakerRuntimeServiceException", () => {
      expect(both.aws.error).toBeInstanceOf(ownClass("aws", "SageMakerRuntimeServiceException"));
      expect(both.sf.error).toBeInstanceOf(sagefetch.SageMakerRuntimeServiceException);
    });
  });
}

function bodyBytes(answer: ChunkedAnswer): Uint8Array {
  const { body } = answer;
  if (body === undefined) return new Uint8Array();
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}

function describeRefused(
  operation: OperationName,
  cases: RefusedCase[],
  answer: ChunkedAnswer,
): void {
  describe.each(cases)("refused: $name", (c) => {
    let both: Awaited<ReturnType<typeof runBothOperation>>;

    beforeAll(async () => {
      both = await runBothOperation(operation, { region: "us-east-1" }, c.input, answer);
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
}
