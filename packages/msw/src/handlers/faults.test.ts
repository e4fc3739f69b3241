import { afterEach, describe, expect, it } from "vitest";
import {
  sageMakerError,
  sageMakerHandlers,
  sageMakerNetworkError,
  sageMakerResponse,
} from "../index";
import { invoke, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

let calls = 0;
const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    echo: () => {
      calls++;
      return { body: { ok: true } };
    },
  },
});
const server = serveMock(mock);
afterEach(() => {
  calls = 0;
});

const CORAL = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

async function answer(response: Response) {
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype"),
    hasRequestId: response.headers.has("x-amzn-requestid"),
    contentType: response.headers.get("content-type"),
    body: await response.text(),
  };
}

describe("faults", () => {
  it("answers a pushed fault once, before the model, then serves normally", async () => {
    mock.faults.push({ status: 503, code: "ServiceUnavailable", message: "down" });
    expect(await answer(await invoke("echo"))).toEqual({
      status: 503,
      type: `ServiceUnavailable${CORAL}`,
      hasRequestId: true,
      contentType: "application/json",
      body: '{"Message":"down"}',
    });
    expect(calls).toBe(0);
    expect((await invoke("echo")).status).toBe(200);
    expect(calls).toBe(1);
  });

  it("throttles n requests with 400 ThrottlingException", async () => {
    mock.faults.throttle(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await answer(await invoke("echo")));
    expect(statuses.map((s) => s.status)).toEqual([400, 400, 200]);
    expect(statuses[0]).toMatchObject({
      type: `ThrottlingException${CORAL}`,
      body: '{"message":"Rate exceeded"}',
    });
  });

  it("answers a status sequence with SageMaker's code for each status, in order", async () => {
    mock.faults.statusSequence([500, 503, 429, 530, 502, 504]);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await answer(await invoke("echo")));
    expect(answers.map((a) => [a.status, a.type?.split(":")[0] ?? null])).toEqual([
      [500, "InternalFailure"],
      [503, "ServiceUnavailable"],
      [429, "ModelNotReadyException"],
      [530, "InternalDependencyException"],
      [502, null],
      [504, null],
      [200, null],
    ]);
    expect(JSON.parse(answers[0]?.body ?? "")).toHaveProperty("Message");
    expect(answers[4]?.body).toBe('{"message":"Bad Gateway"}');
  });

  it("answers before the signature is checked, as a proxy would", async () => {
    mock.faults.push({ status: 500 });
    const response = await fetch(
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/echo/invocations",
      { method: "POST" },
    );
    expect(response.status).toBe(500);
  });

  it("drops the connection: fetch rejects", async () => {
    mock.faults.drop();
    await expect(invoke("echo")).rejects.toThrow(TypeError);
    expect(mock.requests[0]?.status).toBe(0);
    expect((await invoke("echo")).status).toBe(200);
  });

  it("answers a proxy's HTML page with no x-amzn headers", async () => {
    mock.faults.html(502);
    const response = await invoke("echo");
    const result = await answer(response);
    expect(result).toMatchObject({
      status: 502,
      type: null,
      hasRequestId: false,
      contentType: "text/html",
    });
    expect(result.body).toContain("<title>502 Bad Gateway</title>");
    expect(response.headers.get("date")).toBe("Tue, 24 Nov 2026 12:00:00 GMT");
  });

  it("delays the next request, then answers it normally", async () => {
    mock.faults.delay(400);
    const start = performance.now();
    const response = await invoke("echo");
    expect(performance.now() - start).toBeGreaterThanOrEqual(395);
    expect(response.status).toBe(200);
    const next = performance.now();
    await invoke("echo");
    // Not delayed again (an echo takes a few ms; the margin is for a loaded machine).
    expect(performance.now() - next).toBeLessThan(395);
  });

  it("sets a latency for every request until reset", async () => {
    mock.faults.setLatency(60);
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      await invoke("echo");
      expect(performance.now() - start).toBeGreaterThanOrEqual(55);
    }
    mock.reset();
    expect(mock.faults.latencyMs).toBe(0);
  });

  it.each([
    ["a delay", () => mock.faults.delay(300)],
    ["the latency", () => mock.faults.setLatency(300)],
  ])(
    "a request still in %s at reset() ends with a network error, and takes no fault",
    async (_, slow) => {
      slow();
      const leftover = invoke("echo").then(
        () => "answered",
        () => "network error",
      );
      await expect.poll(() => mock.requests.length).toBe(1);
      mock.reset();
      mock.faults.throttle(1);
      expect(await leftover).toBe("network error");
      expect(calls).toBe(0);
      // The next test's fault is still there for its own request.
      expect((await invoke("echo")).status).toBe(400);
      expect((await invoke("echo")).status).toBe(200);
    },
  );

  it("chains, counts and clears", () => {
    mock.faults.throttle(2).drop().html(504).delay(1);
    expect(mock.faults.size).toBe(5);
    mock.reset();
    expect(mock.faults.size).toBe(0);
  });
});

describe("overrides for server.use()", () => {
  it("sageMakerError answers an error on every request, or once", async () => {
    server.use(sageMakerError("ModelNotReadyException", 429, "warming up", { once: true }));
    expect(await answer(await invoke("echo"))).toMatchObject({
      status: 429,
      type: `ModelNotReadyException${CORAL}`,
      body: '{"Message":"warming up"}',
    });
    expect((await invoke("echo")).status).toBe(200);
  });

  it("sageMakerError can target one endpoint and add body fields", async () => {
    server.use(
      sageMakerError("ValidationError", 400, "nope", {
        endpointName: "other",
        fields: { extra: 1 },
      }),
    );
    expect((await invoke("echo")).status).toBe(200);
    expect(await answer(await invoke("other"))).toMatchObject({
      status: 400,
      body: '{"message":"nope","extra":1}',
    });
  });

  it("sageMakerNetworkError makes fetch reject", async () => {
    server.use(sageMakerNetworkError());
    await expect(invoke("echo")).rejects.toThrow(TypeError);
  });

  it("sageMakerResponse answers a fixed output", async () => {
    server.use(
      sageMakerResponse({ body: "fixed", contentType: "text/plain" }, { variant: "blue" }),
    );
    const response = await invoke("anything");
    expect(await response.text()).toBe("fixed");
    expect(response.headers.get("x-amzn-invoked-production-variant")).toBe("blue");
  });
});

describe("unknown operations", () => {
  it("answers an unknown path on a SageMaker host with 404 UnknownOperationException", async () => {
    const response = await invoke("echo", { action: "ping" });
    expect(await answer(response)).toMatchObject({
      status: 404,
      type: `UnknownOperationException${CORAL}`,
    });
  });
});
