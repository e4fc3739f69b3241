import { afterEach, describe, expect, it } from "vitest";
import { sageMakerHandlers } from "../index";
import { invoke, signedInvoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

let clock = TEST_DATE.getTime();
const TEMP = { accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "tok" };

const mock = sageMakerHandlers({
  now: () => clock,
  credentials: [
    { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    TEMP,
    { ...TEMP, accessKeyId: "ASIAOLD", expiration: new Date(TEST_DATE.getTime() - 1) },
  ],
  endpoints: { echo: (request) => ({ body: request.body }) },
});
const server = serveMock(mock);
afterEach(() => {
  clock = TEST_DATE.getTime();
});

const CORAL = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

async function refusal(response: Response) {
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype"),
    requestId: response.headers.get("x-amzn-requestid"),
    date: response.headers.get("date"),
    body: await response.json(),
  };
}

describe("signature checks over HTTP", () => {
  it("accepts the demo key and temporary credentials with their token", async () => {
    expect((await invoke("echo")).status).toBe(200);
    expect((await invoke("echo", { credentials: TEMP })).status).toBe(200);
    expect(mock.requests.map((r) => r.accessKeyId)).toEqual(["AKIDEXAMPLE", "ASIATEMP"]);
  });

  it("answers 403 MissingAuthenticationTokenException to an unsigned request", async () => {
    const response = await fetch(
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/echo/invocations",
      { method: "POST", body: "{}" },
    );
    expect(await refusal(response)).toMatchObject({
      status: 403,
      type: `MissingAuthenticationTokenException${CORAL}`,
      body: { message: "Missing Authentication Token" },
    });
    expect(mock.requests[0]?.accessKeyId).toBeUndefined();
  });

  it("answers 400 IncompleteSignatureException to a malformed Authorization", async () => {
    const signed = await signedInvoke("echo");
    const headers = new Headers(signed.headers);
    headers.set(
      "authorization",
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/sagemaker/aws4_request",
    );
    const response = await fetch(new Request(signed, { headers }));
    expect(await refusal(response)).toMatchObject({
      status: 400,
      type: `IncompleteSignatureException${CORAL}`,
    });
  });

  it.each([
    [
      "an unknown key",
      { credentials: { accessKeyId: "AKIDNOBODY", secretAccessKey: "x" } },
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    ],
    [
      "a wrong session token",
      { credentials: { ...TEMP, sessionToken: "other" } },
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    ],
    [
      "a temporary key without its token",
      { credentials: { ...TEMP, sessionToken: undefined } },
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    ],
    [
      "expired credentials",
      { credentials: { ...TEMP, accessKeyId: "ASIAOLD" } },
      "ExpiredTokenException",
      "The security token included in the request is expired",
    ],
    [
      "a wrong secret",
      { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong" } },
      "InvalidSignatureException",
      expect.stringMatching(
        /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n\/endpoints\/echo\/invocations\n\n[^']+'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261124T120000Z\n20261124\/us-east-1\/sagemaker\/aws4_request\n[0-9a-f]{64}'\n$/,
      ),
    ],
    [
      "another service",
      { service: "runtime.sagemaker" },
      "InvalidSignatureException",
      "Credential should be scoped to correct service: 'sagemaker'.",
    ],
    [
      "an unsigned host",
      { signedHeaders: ["content-type", "x-amz-date"] },
      "InvalidSignatureException",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ],
  ])("answers 403 to %s", async (_, options, code, message) => {
    const response = await invoke("echo", options);
    expect(await refusal(response)).toEqual({
      status: 403,
      type: `${code}${CORAL}`,
      requestId: expect.any(String),
      date: "Tue, 24 Nov 2026 12:00:00 GMT",
      body: { message },
    });
  });

  it("refuses a body changed after signing", async () => {
    const signed = await signedInvoke("echo", { body: '{"a":1}' });
    const response = await fetch(new Request(signed, { body: '{"a":2}' }));
    expect(await refusal(response)).toMatchObject({
      status: 403,
      type: `InvalidSignatureException${CORAL}`,
    });
  });

  it("refuses a skewed clock with AWS's text, and its Date header tells the server's time", async () => {
    clock = Date.parse("2026-11-24T12:25:00Z");
    const response = await invoke("echo");
    expect(await refusal(response)).toMatchObject({
      status: 403,
      type: `InvalidSignatureException${CORAL}`,
      date: "Tue, 24 Nov 2026 12:25:00 GMT",
      body: {
        message:
          "Signature expired: 20261124T120000Z is now earlier than 20261124T122000Z (20261124T122500Z - 5 min.)",
      },
    });
    // A client that corrects its clock from the Date header then gets through.
    const retried = await invoke("echo", {
      date: new Date(Date.parse(response.headers.get("date") ?? "")),
    });
    expect(retried.status).toBe(200);
  });
});

describe("options", () => {
  it("refuses another region when region is set, even on a custom host", async () => {
    const strict = sageMakerHandlers({
      region: "eu-west-1",
      hosts: ["http://127.0.0.1:9000"],
      now: () => clock,
      endpoints: { echo: () => ({ body: "" }) },
    });
    server.use(...strict.handlers);
    const response = await invoke("echo", {
      baseUrl: "http://127.0.0.1:9000",
      region: "us-east-1",
    });
    expect(await refusal(response)).toMatchObject({
      status: 403,
      body: { message: "Credential should be scoped to a valid region." },
    });
    const ok = await invoke("echo", { baseUrl: "http://127.0.0.1:9000", region: "eu-west-1" });
    expect(ok.status).toBe(200);
    server.resetHandlers();
  });

  it("skips verification when verifySignatures is false", async () => {
    const open = sageMakerHandlers({
      verifySignatures: false,
      endpoints: { echo: () => ({ body: "ok" }) },
    });
    server.use(...open.handlers);
    const response = await fetch(
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/echo/invocations",
      { method: "POST", body: "{}" },
    );
    expect(await response.text()).toBe("ok");
    expect(open.requests[0]?.accessKeyId).toBeUndefined();
    server.resetHandlers();
  });
});
