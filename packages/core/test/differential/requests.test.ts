// What goes on the wire: the same InvokeEndpoint call through sagefetch and through
// `@aws-sdk/client-sagemaker-runtime`, signed at the same instant, must give the same method,
// URL, body bytes and headers.
//
// The signatures themselves cannot be compared: the AWS SDK also signs `user-agent`,
// `x-amz-user-agent` and `content-length`, which sagefetch does not send (browsers forbid
// setting `content-length` and `user-agent`; fetch sets them). So the two `Authorization`
// headers must agree on the credential scope, and sagefetch's signature is checked by
// recomputing it here with `@smithy/signature-v4` over the headers it says it signed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  type Input,
  isolateFromAwsEnvironment,
  parseAuthorization,
  recomputeAuthorization,
  runBoth,
  sha256Hex,
  type WireRequest,
} from "./harness";

// In beforeAll: the cases run both clients in their own beforeAll, which comes before any beforeEach.
beforeAll(isolateFromAwsEnvironment);
afterAll(() => vi.unstubAllEnvs());

interface RequestCase {
  name: string;
  options?: ClientOptions;
  input: Partial<Input>;
  /**
   * A value the AWS SDK is known to send differently (`url`, or a header name), what it sends,
   * and why. sagefetch's own value is still checked: by the other tests of the case (body hash
   * against the bytes, signature recomputed), or by `sagefetch` here.
   */
  knownDifference?: { what: string; aws: string; sagefetch?: string; why: string };
}

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const backing = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff).buffer;

const ALL_FIELDS: Partial<Input> = {
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

const REGIONS = [
  "us-east-1",
  "cn-north-1",
  "us-gov-west-1",
  "us-iso-east-1",
  "us-isob-east-1",
  "eu-isoe-west-1",
  "us-isof-south-1",
  "eusc-de-east-1",
];

const REGION_CASES: RequestCase[] = REGIONS.flatMap((region) => [
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

const CASES: RequestCase[] = [...FIELD_CASES, ...BODY_CASES, ...REGION_CASES, ...OTHER_CASES];

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

const sagemakerHeaderNames = (r: WireRequest) =>
  Object.keys(r.headers)
    .filter((name) => name.startsWith("x-amzn-sagemaker-"))
    .sort();

describe.each(CASES)("$name", (c) => {
  const options: ClientOptions = { region: "us-east-1", ...c.options };
  const input = { EndpointName: "my-endpoint", Body: '{"inputs":"hello"}', ...c.input } as Input;
  let aws: WireRequest;
  let sf: WireRequest;

  beforeAll(async () => {
    const both = await runBoth(options, input);
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

  it.each(COMPARED_HEADERS)("sends the same %s header", (name) => {
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
  const SANITY: { name: string; options: ClientOptions; input: Partial<Input> }[] = [
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
  ];

  it.each(SANITY)("reproduces the AWS SDK's own signature: $name", async ({ options, input }) => {
    const { aws } = await runBoth(options, {
      EndpointName: "my-endpoint",
      Body: "{}",
      ...input,
    } as Input);
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
    const { sagefetch } = await runBoth(
      { region: "us-east-1" },
      { EndpointName: "my-endpoint", Body: "{}" },
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
