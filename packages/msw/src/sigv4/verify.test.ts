import { describe, expect, it } from "vitest";
import {
  at,
  KEY,
  SECRETS,
  sign,
  TEMP,
  verify,
  withHeader,
} from "../internal/testing/verifyFixtures";

describe("verifySigV4", () => {
  it("accepts a good signature and leaves the body readable", async () => {
    const request = await sign();
    expect(await verify(request)).toEqual({
      ok: true,
      accessKeyId: "AKIDEXAMPLE",
      region: "us-east-1",
      service: "sagemaker",
      signedHeaders: ["content-type", "host", "x-amz-date"],
      amzDate: "20261124T120000Z",
    });
    expect(await request.text()).toBe('{"x":1}');
  });

  it("accepts a function as credential lookup, and temporary credentials with their token", async () => {
    const request = await sign({ credentials: TEMP });
    const result = await verify(request, { credentials: async (id) => SECRETS[id] });
    expect(result).toMatchObject({ ok: true, accessKeyId: "ASIATEMP" });
  });

  it("rebuilds a signed content-length the fetch implementation does not expose", async () => {
    const request = await sign({
      signedHeaders: ["content-length", "content-type", "host", "x-amz-date"],
    });
    expect(request.headers.has("content-length")).toBe(false);
    expect(await verify(request)).toMatchObject({ ok: true });
  });

  it("checks x-amz-content-sha256 against the body", async () => {
    expect(await verify(await sign({ contentSha256: true }))).toMatchObject({ ok: true });
    const lying = await sign({ contentSha256: "0".repeat(64) });
    expect(await verify(lying)).toMatchObject({
      ok: false,
      code: "InvalidSignatureException",
      status: 403,
    });
  });

  it.each([
    [
      "no Authorization header",
      (r: Request) => withHeader(r, "authorization", null),
      "MissingAuthenticationTokenException",
      403,
      "Missing Authentication Token",
    ],
    [
      "a Bearer token",
      (r: Request) => withHeader(r, "authorization", "Bearer abc"),
      "IncompleteSignatureException",
      400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer abc",
    ],
    [
      "no X-Amz-Date",
      (r: Request) => withHeader(r, "x-amz-date", null),
      "IncompleteSignatureException",
      400,
      expect.stringContaining(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      ),
    ],
    [
      "a malformed X-Amz-Date",
      (r: Request) => withHeader(r, "x-amz-date", "2026-11-24"),
      "IncompleteSignatureException",
      400,
      "Date must be in ISO-8601 'basic format'. Got '2026-11-24'. See http://en.wikipedia.org/wiki/ISO_8601",
    ],
    [
      "another algorithm",
      (r: Request) =>
        withHeader(
          r,
          "authorization",
          r.headers.get("authorization")?.replace("SHA256", "SHA512") ?? "",
        ),
      "IncompleteSignatureException",
      400,
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now).",
    ],
    [
      "a four-part credential",
      (r: Request) =>
        withHeader(
          r,
          "authorization",
          r.headers.get("authorization")?.replace("/us-east-1", "") ?? "",
        ),
      "IncompleteSignatureException",
      400,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20261124/sagemaker/aws4_request'",
    ],
    [
      "a changed signature",
      (r: Request) =>
        withHeader(
          r,
          "authorization",
          r.headers.get("authorization")?.replace(/.$/, (c) => (c === "0" ? "1" : "0")) ?? "",
        ),
      "InvalidSignatureException",
      403,
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    ],
  ])("refuses %s", async (_, tamper, code, status, message) => {
    expect(await verify(tamper(await sign()))).toMatchObject({ ok: false, code, status, message });
  });

  it("refuses an unknown access key id", async () => {
    const request = await sign({ credentials: { ...KEY, accessKeyId: "AKIDUNKNOWN" } });
    expect(await verify(request)).toMatchObject({
      ok: false,
      code: "UnrecognizedClientException",
      status: 403,
      message: "The security token included in the request is invalid.",
    });
  });

  it.each([
    ["a wrong session token", { ...TEMP, sessionToken: "another-token" }],
    ["a temporary key without its token", { ...TEMP, sessionToken: undefined }],
    ["a token on a long-term key", { ...KEY, sessionToken: "a-token" }],
  ])("refuses %s with UnrecognizedClientException", async (_, credentials) => {
    const result = await verify(await sign({ credentials }));
    expect(result).toMatchObject({ ok: false, code: "UnrecognizedClientException", status: 403 });
  });

  it("refuses expired temporary credentials", async () => {
    const expired = {
      ...SECRETS,
      ASIATEMP: {
        secretAccessKey: "temp-secret",
        sessionToken: "the-token",
        expiration: at("2026-11-24T11:59:59Z"),
      },
    };
    expect(await verify(await sign({ credentials: TEMP }), { credentials: expired })).toMatchObject(
      {
        ok: false,
        code: "ExpiredTokenException",
        status: 403,
        message: "The security token included in the request is expired",
      },
    );
  });
});
