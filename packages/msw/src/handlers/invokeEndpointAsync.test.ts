import { describe, expect, it } from "vitest";
import { modelError, sageMakerHandlers } from "../index";
import { ASYNC_ACTION, invoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

let release: () => void = () => {};

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  region: "eu-west-1",
  accountId: "111122223333",
  endpoints: {
    echo: (request) => ({
      body: { text: request.text(), location: request.inputLocation ?? null },
      contentType: "application/json",
      customAttributes: request.customAttributes,
    }),
    waits: () =>
      new Promise((resolve) => {
        release = () => resolve({ stream: ["a", "b"], contentType: "text/plain" });
      }),
    broken: () => {
      throw modelError(400, "bad input");
    },
    never: () => new Promise(() => {}),
  },
});
serveMock(mock);

const EU = "https://runtime.sagemaker.eu-west-1.amazonaws.com";

function async(name: string, body: string, headers: Record<string, string> = {}) {
  return invoke(name, { action: ASYNC_ACTION, body, headers, baseUrl: EU, region: "eu-west-1" });
}

const S3 = "s3://sagemaker-eu-west-1-111122223333";

describe("InvokeEndpointAsync", () => {
  it("answers 202 with the inference id and where output and failure will go", async () => {
    const response = await async("echo", '{"x":1}', {
      "x-amzn-sagemaker-content-type": "application/json",
      "x-amzn-sagemaker-accept": "application/json",
      "x-amzn-sagemaker-custom-attributes": "t=1",
    });
    expect(response.status).toBe(202);
    const { InferenceId: id } = await response.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-amzn-sagemaker-outputlocation")).toBe(
      `${S3}/async-endpoint-outputs/echo/${id}.out`,
    );
    expect(response.headers.get("x-amzn-sagemaker-failurelocation")).toBe(
      `${S3}/async-endpoint-failures/echo/${id}-error.out`,
    );
    expect(mock.asyncResults.get(id)?.status).toBe("pending");
    const done = await mock.asyncResults.settled(id);
    expect(done).toMatchObject({ status: "completed", endpointName: "echo", inferenceId: id });
    expect(done.output?.json()).toEqual({ text: '{"x":1}', location: null });
    expect(done.output).toMatchObject({ contentType: "application/json", customAttributes: "t=1" });
    expect(done.request).toMatchObject({
      operation: "InvokeEndpointAsync",
      contentType: "application/json",
      accept: "application/json",
    });
  });

  it("gives the model an InputLocation as its input", async () => {
    const location = "s3://my-bucket/inputs/request.json";
    const response = await async("echo", "", { "x-amzn-sagemaker-inputlocation": location });
    const { InferenceId: id } = await response.json();
    const done = await mock.asyncResults.settled(id);
    expect(done.output?.json()).toEqual({ text: location, location });
    expect(done.request.inputLocation).toBe(location);
  });

  it("uses the caller's inference id, path extension and file name", async () => {
    const response = await async("echo", "x", {
      "x-amzn-sagemaker-inference-id": "req-42",
      "x-amzn-sagemaker-s3outputpathextension": "/batch/7/",
      "x-amzn-sagemaker-filename": "result.json",
    });
    expect(await response.json()).toEqual({ InferenceId: "req-42" });
    expect(response.headers.get("x-amzn-sagemaker-outputlocation")).toBe(
      `${S3}/async-endpoint-outputs/echo/batch/7/result.json`,
    );
    expect(response.headers.get("x-amzn-sagemaker-failurelocation")).toBe(
      `${S3}/async-endpoint-failures/echo/batch/7/req-42-error.out`,
    );
  });

  it("runs the model after answering; a failure is recorded, not answered", async () => {
    const waiting = await (await async("waits", "x")).json();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(mock.asyncResults.get(waiting.InferenceId)?.status).toBe("pending");
    release();
    expect((await mock.asyncResults.settled(waiting.InferenceId)).output?.text()).toBe("ab");
    const broken = await async("broken", "x");
    expect(broken.status).toBe(202);
    const failed = await mock.asyncResults.settled((await broken.json()).InferenceId);
    expect(failed).toMatchObject({
      status: "failed",
      error: { statusCode: 400, message: "bad input" },
    });
  });

  it("fails an invocation that outlives InvocationTimeoutSeconds", async () => {
    const response = await async("never", "x", {
      "x-amzn-sagemaker-invocationtimeoutseconds": "1",
    });
    const failed = await mock.asyncResults.settled((await response.json()).InferenceId);
    expect(failed.error).toEqual({ statusCode: 408, message: "Invocation timed out" });
  }, 3000);

  it.each([
    [
      { "x-amzn-sagemaker-inputlocation": "ftp://bucket/key" },
      "",
      "at 'inputLocation' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$",
    ],
    [
      { "x-amzn-sagemaker-inputlocation": `s3://b/${"k".repeat(1020)}` },
      "",
      "Member must have length less than or equal to 1024",
    ],
    [
      { "x-amzn-sagemaker-requestttlseconds": "59" },
      "x",
      "Value '59' at 'requestTTLSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60",
    ],
    [
      { "x-amzn-sagemaker-requestttlseconds": "21601" },
      "x",
      "Member must have value less than or equal to 21600",
    ],
    [
      { "x-amzn-sagemaker-invocationtimeoutseconds": "0" },
      "x",
      "at 'invocationTimeoutSeconds' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      { "x-amzn-sagemaker-invocationtimeoutseconds": "3601" },
      "x",
      "Member must have value less than or equal to 3600",
    ],
    [{ "x-amzn-sagemaker-invocationtimeoutseconds": "ten" }, "x", "Member must be an integer"],
    [
      { "x-amzn-sagemaker-inputlocation": "s3://b/k" },
      "x",
      "InputLocation and Body are mutually exclusive: provide exactly one of them.",
    ],
    [{}, "", "Either InputLocation or Body must be provided."],
  ])("answers 400 ValidationError for %j with body %j", async (headers, body, message) => {
    const response = await async("echo", body, headers);
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationError:/);
    expect((await response.json()).message).toContain(message);
    expect(mock.asyncResults.size).toBe(0);
  });

  it("counts every failed constraint, and accepts the limits themselves", async () => {
    const both = await async("echo", "x", {
      "x-amzn-sagemaker-requestttlseconds": "1",
      "x-amzn-sagemaker-invocationtimeoutseconds": "0",
    });
    expect((await both.json()).message).toMatch(/^2 validation errors detected: .*; /);
    const limits = await async("echo", "x", {
      "x-amzn-sagemaker-requestttlseconds": "21600",
      "x-amzn-sagemaker-invocationtimeoutseconds": "3600",
    });
    expect(limits.status).toBe(202);
  });

  it("takes an inline body up to 128,000 bytes, and knows its endpoints", async () => {
    expect((await async("echo", "x".repeat(128_000))).status).toBe(202);
    const big = await async("echo", "x".repeat(128_001));
    expect([big.status, (await big.json()).message]).toEqual([
      400,
      `Request ${big.headers.get("x-amzn-requestid")} has oversize body.`,
    ]);
    const unknown = await async("nope", "x");
    expect((await unknown.json()).message).toBe("Endpoint nope of account 111122223333 not found.");
  });

  it("rejects settled() for an unknown id; reset() forgets invocations", async () => {
    await expect(mock.asyncResults.settled("nope")).rejects.toThrow(/No InvokeEndpointAsync/);
    await async("echo", "x");
    expect([...mock.asyncResults.values()]).toHaveLength(1);
    mock.reset();
    expect(mock.asyncResults.size).toBe(0);
  });
});
