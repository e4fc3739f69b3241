import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { type ModelRequest, modelError, sageMakerHandlers } from "../index";
import { fromUtf8 } from "../internal/bytes";
import { invoke, signedInvoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const seen: ModelRequest[] = [];

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  hosts: ["http://localhost:8080/prefix"],
  endpoints: {
    echo: (request) => {
      seen.push(request);
      return { body: { echoed: request.json(), variant: request.variant } };
    },
    /** A multi-model endpoint: the only kind that takes a TargetModel. */
    everything: {
      model: (request) => {
        seen.push(request);
        return { body: {} };
      },
      models: ["model-a.tar.gz"],
    },
    text: {
      model: () => ({ body: "plain", contentType: "text/plain", customAttributes: "c=1" }),
      variants: ["blue", "green"],
    },
    bytes: () => ({ body: new Uint8Array([0, 1, 255]), contentType: "application/octet-stream" }),
    sessions: () => ({
      body: "",
      newSessionId: "s-1; Expires=2026-11-24T12:20:00Z",
      closedSessionId: "s-0",
    }),
    broken: () => {
      throw new Error("CUDA out of memory");
    },
    picky: () => {
      throw modelError(400, "expected a list");
    },
  },
});
serveMock(mock);
afterEach(() => {
  seen.length = 0;
});

async function errorOf(response: Response) {
  return {
    status: response.status,
    type: response.headers.get("x-amzn-ErrorType"),
    body: await response.json(),
  };
}

describe("InvokeEndpoint", () => {
  it("answers the model's output with SageMaker's headers", async () => {
    const response = await invoke("echo", { body: '{"inputs":"hi"}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echoed: { inputs: "hi" }, variant: "AllTraffic" });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-amzn-invoked-production-variant")).toBe("AllTraffic");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("date")).toBe("Tue, 24 Nov 2026 12:00:00 GMT");
    expect(response.headers.has("x-amzn-errortype")).toBe(false);
  });

  it("refuses a TargetModel on an endpoint that is not multi-model, as the service does", async () => {
    const response = await invoke("echo", {
      headers: { "x-amzn-sagemaker-target-model": "model-a.tar.gz" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationError/);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Endpoint echo is not a multi-model endpoint and does not support target model header.",
    );
  });

  it("gives every answer a fresh request id", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) ids.add((await invoke("echo")).headers.get("x-amzn-requestid"));
    expect(ids.size).toBe(3);
  });

  it("passes the header-bound fields to the model", async () => {
    await invoke("everything", {
      headers: {
        accept: "application/json",
        "x-amzn-sagemaker-custom-attributes": "trace=1",
        "x-amzn-sagemaker-target-model": "model-a.tar.gz",
        "x-amzn-sagemaker-target-container-hostname": "c1",
        "x-amzn-sagemaker-inference-id": "inf-1",
        "x-amzn-sagemaker-inference-component": "ic-1",
        "x-amzn-sagemaker-session-id": "NEW_SESSION",
        "x-amzn-sagemaker-enable-explanations": "`true`",
      },
    });
    expect(seen[0]).toMatchObject({
      endpointName: "everything",
      contentType: "application/json",
      accept: "application/json",
      customAttributes: "trace=1",
      targetModel: "model-a.tar.gz",
      targetVariant: undefined,
      targetContainerHostname: "c1",
      inferenceId: "inf-1",
      inferenceComponentName: "ic-1",
      sessionId: "NEW_SESSION",
      enableExplanations: "`true`",
    });
    expect(seen[0]?.text()).toBe('{"inputs":"hi"}');
    expect(seen[0]?.headers["x-amz-date"]).toBe("20261124T120000Z");
  });

  it("answers text and bytes with the model's content type and custom attributes", async () => {
    const text = await invoke("text");
    expect(await text.text()).toBe("plain");
    expect(text.headers.get("content-type")).toBe("text/plain");
    expect(text.headers.get("x-amzn-sagemaker-custom-attributes")).toBe("c=1");
    expect(text.headers.get("x-amzn-invoked-production-variant")).toMatch(/^(blue|green)$/);
    const bytes = await invoke("bytes");
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(new Uint8Array([0, 1, 255]));
  });

  it("answers session headers", async () => {
    const response = await invoke("sessions");
    expect(response.headers.get("x-amzn-sagemaker-new-session-id")).toBe(
      "s-1; Expires=2026-11-24T12:20:00Z",
    );
    expect(response.headers.get("x-amzn-sagemaker-closed-session-id")).toBe("s-0");
  });

  it("serves a known TargetVariant and refuses an unknown one", async () => {
    const green = await invoke("text", { headers: { "x-amzn-sagemaker-target-variant": "green" } });
    expect(green.headers.get("x-amzn-invoked-production-variant")).toBe("green");
    const red = await invoke("text", { headers: { "x-amzn-sagemaker-target-variant": "red" } });
    expect(await errorOf(red)).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("red") },
    });
    expect(red.headers.get("x-amzn-errortype")).toMatch(/^ValidationError:/);
  });

  it("answers 400 ValidationError for an unknown endpoint", async () => {
    expect(await errorOf(await invoke("nope"))).toEqual({
      status: 400,
      type: "ValidationError:http://internal.amazon.com/coral/com.amazon.coral.service/",
      body: { message: "Endpoint nope of account 123456789012 not found." },
    });
  });

  it("answers 400 ValidationError for an endpoint name out of pattern", async () => {
    const response = await invoke("bad_name");
    expect(await errorOf(response)).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("at 'endpointName' failed to satisfy constraint") },
    });
  });

  it("answers 400 ValidationError for a body over 6 MiB, and accepts exactly 6 MiB", async () => {
    const tooBig = await invoke("echo", {
      body: new Uint8Array(6 * 1024 * 1024 + 1),
      headers: { "content-type": "application/octet-stream" },
    });
    const requestId = tooBig.headers.get("x-amzn-requestid");
    expect(await errorOf(tooBig)).toMatchObject({
      status: 400,
      body: { message: `Request ${requestId} has oversize body.` },
    });
    const exact = await invoke("bytes", { body: new Uint8Array(6 * 1024 * 1024) });
    expect(exact.status).toBe(200);
  });

  it("answers 424 ModelError when the model throws", async () => {
    const response = await invoke("broken");
    expect(await errorOf(response)).toEqual({
      status: 424,
      type: "ModelError:http://internal.amazon.com/coral/com.amazon.coral.service/",
      body: {
        Message:
          'Received server error (500) from primary with message "CUDA out of memory". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/broken in account 123456789012 for more information.',
        OriginalStatusCode: 500,
        OriginalMessage: "CUDA out of memory",
        LogStreamArn:
          "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/broken",
      },
    });
  });

  it("answers the status and message a model chose with modelError()", async () => {
    const { body } = await errorOf(await invoke("picky"));
    expect(body).toMatchObject({ OriginalStatusCode: 400, OriginalMessage: "expected a list" });
    expect(body.Message).toMatch(
      /^Received client error \(400\) from primary with message "expected a list"\./,
    );
  });
});

describe("hosts", () => {
  it.each([
    "https://runtime.sagemaker.eu-west-1.amazonaws.com",
    "https://runtime-fips.sagemaker.us-east-1.amazonaws.com",
    "https://runtime.sagemaker.us-gov-west-1.amazonaws.com",
    "https://runtime.sagemaker-fips.us-iso-east-1.c2s.ic.gov",
    "https://runtime.sagemaker.cn-north-1.amazonaws.com.cn",
    "https://runtime.sagemaker.us-east-1.api.aws",
  ])("answers on %s (signed for its region)", async (baseUrl) => {
    const region = new URL(baseUrl).hostname.split(".")[2];
    expect((await invoke("echo", { baseUrl, region })).status).toBe(200);
  });

  it("refuses a signature for another region than the host's", async () => {
    const response = await invoke("echo", {
      baseUrl: "https://runtime.sagemaker.eu-west-1.amazonaws.com",
    });
    expect(await errorOf(response)).toMatchObject({
      status: 403,
      body: { message: "Credential should be scoped to a valid region." },
    });
  });

  it("answers on a custom endpoint with a base path", async () => {
    const response = await invoke("echo", { baseUrl: "http://localhost:8080/prefix" });
    expect(response.status).toBe(200);
    expect(mock.requests[0]?.url).toBe("http://localhost:8080/prefix/endpoints/echo/invocations");
  });

  it("leaves every other request alone", async () => {
    for (const url of [
      "https://example.com/endpoints/echo/invocations",
      "https://runtime.sagemaker.us-east-1.amazonaws.com.evil.example/endpoints/echo/invocations",
      "http://localhost:8080/endpoints/echo/invocations",
      "http://localhost:8080/prefixed/endpoints/echo/invocations",
      "http://localhost:9090/prefix/endpoints/echo/invocations",
    ]) {
      const request = await signedInvoke("echo", { baseUrl: new URL(url).origin });
      expect(await getResponse(mock.handlers, new Request(url, request))).toBeUndefined();
    }
  });
});

describe("request log", () => {
  it("records what arrived, who signed it and what was answered", async () => {
    await invoke("echo", { body: '{"a":1}' });
    await invoke("nope");
    expect(mock.requests).toHaveLength(2);
    const [first, second] = mock.requests;
    expect(first).toMatchObject({
      operation: "InvokeEndpoint",
      endpointName: "echo",
      method: "POST",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
      requestId: expect.stringMatching(UUID),
    });
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(fromUtf8(first?.body ?? new Uint8Array())).toBe('{"a":1}');
    expect(second).toMatchObject({ endpointName: "nope", status: 400 });
  });

  it("is emptied by reset()", async () => {
    await invoke("echo");
    mock.reset();
    expect(mock.requests).toEqual([]);
  });
});
