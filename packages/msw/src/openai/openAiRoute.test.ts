import { afterEach, describe, expect, it } from "vitest";
import { createDemoEndpoints, sageMakerHandlers } from "../index";
import { TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

// Tokens made by botocore 1.43 (SigV4QueryAuth, as the SageMaker Python SDK's generator does)
// at TEST_DATE (2026-11-24T12:00:00Z): an independent implementation's output, as recorded.
const TOKEN = {
  /** demo credentials, us-east-1, 3600 s */
  demo: "sagemaker-api-key-c2FnZW1ha2VyLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1DYWxsV2l0aEJlYXJlclRva2VuJlgtQW16LUFsZ29yaXRobT1BV1M0LUhNQUMtU0hBMjU2JlgtQW16LUNyZWRlbnRpYWw9QUtJREVYQU1QTEUlMkYyMDI2MTEyNCUyRnVzLWVhc3QtMSUyRnNhZ2VtYWtlciUyRmF3czRfcmVxdWVzdCZYLUFtei1EYXRlPTIwMjYxMTI0VDEyMDAwMFomWC1BbXotRXhwaXJlcz0zNjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9N2U3MmZjZjI5ZWEwMDkyNTcxMTA4NTMwNmRlNzQ0YmFlYzc5NTdiZDk3ZmQ0MzVkZTNiMDhiNDJmMzczNDIzZiZWZXJzaW9uPTE=",
  /** ASIATEMP / temp-secret with session token "tok en+/=", us-east-1, 60 s */
  session:
    "sagemaker-api-key-c2FnZW1ha2VyLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1DYWxsV2l0aEJlYXJlclRva2VuJlgtQW16LUFsZ29yaXRobT1BV1M0LUhNQUMtU0hBMjU2JlgtQW16LUNyZWRlbnRpYWw9QVNJQVRFTVAlMkYyMDI2MTEyNCUyRnVzLWVhc3QtMSUyRnNhZ2VtYWtlciUyRmF3czRfcmVxdWVzdCZYLUFtei1EYXRlPTIwMjYxMTI0VDEyMDAwMFomWC1BbXotRXhwaXJlcz02MCZYLUFtei1TaWduZWRIZWFkZXJzPWhvc3QmWC1BbXotU2VjdXJpdHktVG9rZW49dG9rJTIwZW4lMkIlMkYlM0QmWC1BbXotU2lnbmF0dXJlPTEyYTgwYWZjYmMxZWZjODU0ZGRmYjhlN2I4MGU2MTVlYTFkYzUyZDU1ZDZhNjMwZmE2MWYyNDAwNmNhNTM3MWYmVmVyc2lvbj0x",
  /** demo credentials, us-west-2, 3600 s */
  west: "sagemaker-api-key-c2FnZW1ha2VyLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1DYWxsV2l0aEJlYXJlclRva2VuJlgtQW16LUFsZ29yaXRobT1BV1M0LUhNQUMtU0hBMjU2JlgtQW16LUNyZWRlbnRpYWw9QUtJREVYQU1QTEUlMkYyMDI2MTEyNCUyRnVzLXdlc3QtMiUyRnNhZ2VtYWtlciUyRmF3czRfcmVxdWVzdCZYLUFtei1EYXRlPTIwMjYxMTI0VDEyMDAwMFomWC1BbXotRXhwaXJlcz0zNjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9ZDNkZDM0NTVmNWMyZmE0NWIyNjUyYzgzMDU1NWU2YWE3NzJiZjFjNjZiZDUxMWVhYzdlYWYzNGI0Y2ViYjYzYiZWZXJzaW9uPTE=",
};
const decoded = (token: string) => atob(token.slice("sagemaker-api-key-".length));
const encoded = (url: string) => `sagemaker-api-key-${btoa(url)}`;

const clock = { now: TEST_DATE.getTime() };
const demos = createDemoEndpoints({ chatPaceMs: 0 });
const mock = sageMakerHandlers({
  now: () => clock.now,
  endpoints: {
    ...demos,
    shared: { model: demos.vllm as never, inferenceComponents: ["llama-ic"] },
  },
  credentials: [
    { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    { accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "tok en+/=" },
  ],
});
serveMock(mock);
afterEach(() => {
  clock.now = TEST_DATE.getTime();
});

const BASE = "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints";
const chat = (token: string | undefined, body: object = {}, path = "vllm") =>
  fetch(`${BASE}/${path}/openai/v1/chat/completions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ model: "any", messages: [{ role: "user", content: "Hi" }], ...body }),
  });

describe("the OpenAI-compatible route", () => {
  it("answers a chat completion as JSON with a valid token", async () => {
    const response = await chat(TOKEN.demo);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: "chat.completion",
      choices: [{ message: { content: 'Turn 1: you said "Hi".' }, finish_reason: "stop" }],
    });
    expect(mock.requests.at(-1)).toMatchObject({ accessKeyId: "AKIDEXAMPLE", status: 200 });
  });

  it("streams server-sent events ending with [DONE]", async () => {
    const response = await chat(TOKEN.demo, { stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const text = await response.text();
    expect(text.startsWith("data: {")).toBe(true);
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("serves inference components, and refuses one the endpoint does not have", async () => {
    expect((await chat(TOKEN.demo, {}, "shared/inference-components/llama-ic")).status).toBe(200);
    const missing = await chat(TOKEN.demo, {}, "shared/inference-components/other-ic");
    expect(missing.status).toBe(404);
    expect((await chat(TOKEN.demo, {}, "nowhere")).status).toBe(404);
  });

  it("accepts temporary credentials' tokens, with their session token", async () => {
    expect((await chat(TOKEN.session)).status).toBe(200);
    mock.credentials.add({
      accessKeyId: "ASIATEMP",
      secretAccessKey: "temp-secret",
      sessionToken: "another",
    });
    expect((await chat(TOKEN.session)).status).toBe(401);
  });

  const signature = /X-Amz-Signature=([0-9a-f]{64})/;
  it.each([
    ["no token", undefined, 401, "missing_api_key"],
    [
      "another prefix",
      TOKEN.demo.replace("sagemaker-api-key-", "bedrock-api-key-"),
      401,
      "invalid_api_key",
    ],
    ["not Base64", "sagemaker-api-key-%%%", 401, "invalid_api_key"],
    [
      "no Version=1",
      encoded(decoded(TOKEN.demo).replace("&Version=1", "")),
      401,
      "invalid_api_key",
    ],
    [
      "a changed signature",
      encoded(
        decoded(TOKEN.demo).replace(
          signature,
          (_m, s: string) => `X-Amz-Signature=${s.replace(/^./, (c) => (c === "0" ? "1" : "0"))}`,
        ),
      ),
      401,
      "invalid_api_key",
    ],
    [
      "a longer lifetime",
      encoded(decoded(TOKEN.demo).replace("X-Amz-Expires=3600", "X-Amz-Expires=7200")),
      401,
      "invalid_api_key",
    ],
    ["another region", TOKEN.west, 403, "permission_denied"],
  ])("refuses %s with a JSON error", async (_label, token, status, code) => {
    const response = await chat(token);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await response.json();
    expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
    if (token) expect(JSON.stringify(body)).not.toContain(token.slice(18, 60));
  });

  it("refuses an expired token, and one whose credentials expired or are unknown", async () => {
    clock.now = TEST_DATE.getTime() + 3_600_000;
    expect(await (await chat(TOKEN.demo)).json()).toMatchObject({
      error: { code: "expired_api_key" },
    });
    clock.now = TEST_DATE.getTime() + 1000;
    mock.credentials.add({
      accessKeyId: "ASIATEMP",
      secretAccessKey: "temp-secret",
      sessionToken: "tok en+/=",
      expiration: new Date(TEST_DATE.getTime()),
    });
    expect((await chat(TOKEN.session)).status).toBe(401);
    mock.credentials.delete("AKIDEXAMPLE");
    expect((await chat(TOKEN.demo)).status).toBe(401);
  });

  it("leaves the native operations as they were", async () => {
    const response = await fetch(`${BASE}/vllm/invocations`, { method: "POST", body: "{}" });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toMatch(
      /^MissingAuthenticationTokenException/,
    );
  });
});
