import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import { readEventStream } from "@sagefetch/testing/eventStream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./index";
import { STREAM_ACTION, signedInvoke } from "./internal/testing/signedInvoke";

// The emulator in-process on a free port, called over real HTTP with fetch and the test signer.
// (The AWS SDK's own client is tested against it in packages/core/test/emulator; the AWS CLI and
// the built bin in cli.test.ts.)

let release: () => void = () => {};
const released = new Promise<void>((resolve) => {
  release = resolve;
});

const endpoints = {
  ...demoEndpoints,
  /** One part, then waits for the test: the second part exists only after the first arrived. */
  gated: () => ({
    stream: (async function* () {
      yield "first";
      await released;
      yield "second";
    })(),
  }),
  /** A part every 5 ms, forever. */
  endless: () => ({
    stream: (async function* () {
      for (;;) {
        yield "tick";
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })(),
  }),
};

const lines: string[] = [];
let emulator: Emulator;
let corsEmulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, endpoints, log: (line) => lines.push(line) });
  corsEmulator = await startEmulator({ port: 0, cors: true });
});
afterAll(async () => {
  await emulator.close();
  await corsEmulator.close();
});

const now = () => new Date();
const signed = (emu: Emulator, name: string, options: Parameters<typeof signedInvoke>[1] = {}) =>
  signedInvoke(name, { baseUrl: emu.url, date: now(), ...options });

/** The log line of the next request to `path`, once its answer is finished. */
async function logLineFor(path: string): Promise<string> {
  await expect.poll(() => lines.some((line) => line.includes(` ${path} `))).toBe(true);
  return lines.findLast((line) => line.includes(` ${path} `)) ?? "";
}

describe("startEmulator", () => {
  it("listens on loopback and reports its URL", () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it("answers GET /ping with 200", async () => {
    const response = await fetch(`${emulator.url}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("answers a signed InvokeEndpoint through the SageMaker mock", async () => {
    const response = await fetch(
      await signed(emulator, "sentiment", { body: '{"inputs":"I love it"}' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-invoked-production-variant")).toBe("AllTraffic");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/\S/);
    expect(await response.json()).toEqual([{ label: "POSITIVE", score: 0.8333 }]);
    expect(emulator.mock.requests.at(-1)?.accessKeyId).toBe(demoCredentials.accessKeyId);
  });

  it("accepts a request signed for localhost as well as for 127.0.0.1", async () => {
    const url = emulator.url.replace("127.0.0.1", "localhost");
    const response = await fetch(await signedInvoke("echo", { baseUrl: url, date: now() }));
    expect(response.status).toBe(200);
  });

  it("answers the service's errors: unsigned, bad signature, unknown endpoint", async () => {
    const unsigned = await fetch(`${emulator.url}/endpoints/echo/invocations`, {
      method: "POST",
      body: "{}",
    });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toMatch(/^MissingAuthenticationToken/);
    const wrongKey = await fetch(
      await signed(emulator, "echo", {
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-the-secret" },
      }),
    );
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.headers.get("x-amzn-errortype")).toMatch(/^InvalidSignatureException/);
    const unknown = await fetch(await signed(emulator, "nope"));
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("x-amzn-errortype")).toMatch(/^ValidationError/);
  });

  it("streams answers part by part, as the model produces them", async () => {
    const response = await fetch(await signed(emulator, "gated", { action: STREAM_ACTION }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error("no body");
    // The second part is only produced after the first has reached the client.
    const first = await reader.read();
    expect(first.done).toBe(false);
    release();
    const rest: Uint8Array[] = [first.value ?? new Uint8Array()];
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rest.push(part.value);
    const bytes = Uint8Array.from(rest.flatMap((chunk) => [...chunk]));
    const stream = await readEventStream(new Response(bytes).body);
    const texts = stream.messages.map((m) => new TextDecoder().decode(m.payload));
    expect(texts.join("")).toContain("first");
    expect(texts.join("")).toContain("second");
  });

  it("stops producing a stream when the client goes away", async () => {
    const controller = new AbortController();
    const request = await signed(emulator, "endless", { action: STREAM_ACTION });
    const response = await fetch(request, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await logLineFor("/endpoints/endless/invocations-response-stream");
    const entry = emulator.mock.requests.findLast((r) => r.endpointName === "endless");
    const parts = entry?.streamedParts ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(entry?.streamedParts).toBe(parts);
  });

  it("cuts the connection for a cut stream and a dropped request", async () => {
    emulator.mock.faults.cutStream(1);
    const cut = await fetch(
      await signed(emulator, "echo", { action: STREAM_ACTION, body: "abcdef" }),
    );
    await expect(cut.arrayBuffer()).rejects.toThrow();
    emulator.mock.faults.drop();
    await expect(fetch(await signed(emulator, "echo"))).rejects.toThrow();
  });

  it("logs one line per request: method, path, status, ms, endpoint; no headers, query or body", async () => {
    const secret = "SECRET-VALUE-123";
    await fetch(`${emulator.url}/endpoints/echo/invocations?X-Amz-Signature=${secret}`, {
      method: "POST",
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=${secret}`,
        "x-amz-security-token": secret,
        "x-amz-date": "20260101T000000Z",
      },
      body: secret,
    });
    const line = await logLineFor("/endpoints/echo/invocations");
    expect(line).toMatch(/^POST \/endpoints\/echo\/invocations 403 \d+ms echo$/);
    await fetch(`${emulator.url}/ping`);
    expect(await logLineFor("/ping")).toMatch(/^GET \/ping 200 \d+ms -$/);
    for (const logged of lines) {
      expect(logged).not.toContain(secret);
      expect(logged).not.toContain(demoCredentials.secretAccessKey);
      // Five fields, then why for a request that got no answer or a cut one.
      expect(logged.replace(/ \(.*\)$/, "").split(" ")).toHaveLength(5);
    }
  });
});

describe("CORS", () => {
  const preflight = (emu: Emulator) =>
    fetch(`${emu.url}/endpoints/echo/invocations`, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,x-amz-date,content-type",
      },
    });

  it("is off by default, as the service: no preflight answer, no CORS headers", async () => {
    const answer = await preflight(emulator);
    expect(answer.status).not.toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const invoked = await fetch(
      await signed(emulator, "echo", { headers: { origin: "http://app.test" } }),
    );
    expect(invoked.status).toBe(200);
    expect(invoked.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("with cors: answers preflights and exposes x-amzn-* and Date", async () => {
    const answer = await preflight(corsEmulator);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(answer.headers.get("access-control-allow-methods")).toContain("POST");
    expect(answer.headers.get("access-control-allow-headers")).toBe(
      "authorization,x-amz-date,content-type",
    );
    const invoked = await fetch(
      await signed(corsEmulator, "echo", { headers: { origin: "http://app.test" } }),
    );
    expect(invoked.status).toBe(200);
    expect(invoked.headers.get("access-control-allow-origin")).toBe("http://app.test");
    const exposed = invoked.headers.get("access-control-expose-headers")?.split(", ") ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining(["date", "x-amzn-requestid", "x-amzn-invoked-production-variant"]),
    );
    const failed = await fetch(`${corsEmulator.url}/endpoints/echo/invocations`, {
      method: "POST",
      headers: { origin: "http://app.test" },
    });
    expect(failed.status).toBe(403);
    expect(failed.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(failed.headers.get("access-control-expose-headers")).toContain("x-amzn-errortype");
  });
});

describe("latency", () => {
  it("waits latencyMs before answering", async () => {
    const slow = await startEmulator({ port: 0, latencyMs: 150 });
    try {
      const started = performance.now();
      const response = await fetch(`${slow.url}/ping`);
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
