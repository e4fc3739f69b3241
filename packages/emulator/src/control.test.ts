import { describe, expect, it } from "vitest";
import type { Emulator } from "./index";
import { emulatorsClosedAfterEach } from "./internal/testing/emulators";
import { rawRequest } from "./internal/testing/rawRequest";
import { signedInvoke } from "./internal/testing/signedInvoke";

// The control API obeys only its owner (a web page must not drive or read it), takes only
// bounded values, and `reset` puts every setting back.

const emulatorWith = emulatorsClosedAfterEach();

const JSON_TYPE = { "content-type": "application/json" };

const control = (emulator: Emulator, action: string, body: unknown, headers = {}) =>
  rawRequest(`${emulator.url}/_emulator/${action}`, {
    method: "POST",
    headers: { ...JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  });

const call = async (emulator: Emulator) =>
  fetch(await signedInvoke("echo", { baseUrl: emulator.url, date: new Date() }));

describe("who may use the control API", () => {
  it("refuses a cross-site text/plain POST (no preflight needed) and queues nothing", async () => {
    const emulator = await emulatorWith();
    const answer = await rawRequest(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://attacker.example" },
      body: '["throttle:2"]',
    });
    expect(answer.status).toBe(403);
    expect(emulator.mock.faults.size).toBe(0);
    expect((await call(emulator)).status).toBe(200);
  });

  it("refuses a text/plain POST without an Origin too: the control API takes JSON only", async () => {
    const emulator = await emulatorWith();
    const answer = await rawRequest(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '["throttle:2"]',
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text).message).toContain("application/json");
    expect(emulator.mock.faults.size).toBe(0);
  });

  it("refuses a foreign Origin even with JSON, and Sec-Fetch-Site cross-site", async () => {
    const emulator = await emulatorWith();
    const foreign = await control(emulator, "faults", ["throttle"], {
      origin: "http://attacker.example",
    });
    expect(foreign.status).toBe(403);
    const crossSite = await control(emulator, "faults", ["throttle"], {
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    expect(emulator.mock.faults.size).toBe(0);
  });

  it("refuses Host: attacker.example (DNS rebinding): the request log stays unread", async () => {
    const emulator = await emulatorWith();
    await (await call(emulator)).text();
    const answer = await rawRequest(`${emulator.url}/_emulator/requests`, {
      headers: { host: "attacker.example" },
    });
    expect(answer.status).toBe(403);
    expect(answer.text).not.toContain("AKIDEXAMPLE");
    const rebound = await rawRequest(`${emulator.url}/_emulator/requests`, {
      headers: { host: `attacker.example:${emulator.port}` },
    });
    expect(rebound.status).toBe(403);
  });

  it("answers loopback host names: 127.0.0.1, localhost", async () => {
    const emulator = await emulatorWith();
    for (const host of [`127.0.0.1:${emulator.port}`, `localhost:${emulator.port}`]) {
      const answer = await control(emulator, "faults", ["throttle"], { host });
      expect(answer.status).toBe(204);
    }
    expect(emulator.mock.faults.size).toBe(2);
  });

  it("answers any Host when bound to every address on purpose", async () => {
    const emulator = await emulatorWith({ host: "0.0.0.0" });
    const answer = await control(emulator, "reset", {}, { host: "192.0.2.10" });
    expect(answer.status).toBe(204);
  });

  it("never answers a preflight, even with cors on", async () => {
    const emulator = await emulatorWith({ cors: true });
    const answer = await rawRequest(`${emulator.url}/_emulator/faults`, {
      method: "OPTIONS",
      headers: {
        origin: "https://attacker.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("with controlToken: needs Authorization: Bearer <token>, and never repeats it", async () => {
    const token = "s3cret-token-0123456789";
    const emulator = await emulatorWith({ controlToken: token });
    const missing = await control(emulator, "faults", ["throttle"]);
    expect(missing.status).toBe(401);
    const wrong = await control(emulator, "faults", ["throttle"], {
      authorization: "Bearer not-the-token-000000",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(token);
    expect(emulator.mock.faults.size).toBe(0);
    const right = await control(emulator, "faults", ["throttle"], {
      authorization: `Bearer ${token}`,
    });
    expect(right.status).toBe(204);
    const read = await rawRequest(`${emulator.url}/_emulator/requests`);
    expect(read.status).toBe(401);
  });
});

describe("bounded values through the control API", () => {
  it.each([
    ["drop:20000000", "drop"],
    ["throttle:1000000000", "throttle"],
    ["throttle:99999999999999999999", "throttle"],
    ["delay:999999999", "delay"],
    ["cut-stream:99999999999", "cut-stream"],
  ])("%s → 400 naming the fault, at once, queueing nothing", async (spec, name) => {
    const emulator = await emulatorWith();
    const started = performance.now();
    const answer = await control(emulator, "faults", [spec]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).message).toContain(`fault "${name}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(emulator.mock.faults.size).toBe(0);
  });

  it("caps the whole queue, all or nothing per call", async () => {
    const emulator = await emulatorWith();
    const many = Array.from({ length: 11 }, () => "throttle:10000");
    const answer = await control(emulator, "faults", many);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).message).toContain("the fault queue holds at most");
    expect(emulator.mock.faults.size).toBe(0);
  });

  it('{"skew": 9e15} → 400 naming skew, and later calls still answer', async () => {
    const emulator = await emulatorWith();
    const answer = await control(emulator, "clock", { skew: 9e15 });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.text).message).toMatch(/^skew must be within/);
    expect((await control(emulator, "clock", { skew: "99999999h" })).status).toBe(400);
    expect((await call(emulator)).status).toBe(200);
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const emulator = await emulatorWith();
    const answer = await control(emulator, "faults", ["x".repeat(70_000)]);
    expect(answer.status).toBe(413);
  });
});

describe("reset", () => {
  it("restores every setting: the clock skew, the latency, faults and the request log", async () => {
    const emulator = await emulatorWith({ latency: 20 });
    expect((await control(emulator, "clock", { skew: "-1h" })).status).toBe(204);
    expect((await call(emulator)).status).toBe(403);
    emulator.mock.faults.setLatency(0);
    expect((await control(emulator, "faults", ["throttle:3"])).status).toBe(204);
    expect((await control(emulator, "reset", {})).status).toBe(204);
    expect(emulator.mock.faults.size).toBe(0);
    expect(emulator.mock.faults.latency).toBe(20);
    expect(emulator.mock.requests).toHaveLength(0);
    expect((await call(emulator)).status).toBe(200);
  });

  it("restores the skew the emulator started with, not zero", async () => {
    const emulator = await emulatorWith({ clockSkewMs: -3_600_000 });
    expect((await call(emulator)).status).toBe(403);
    emulator.setClockSkew(0);
    expect((await call(emulator)).status).toBe(200);
    emulator.reset();
    expect((await call(emulator)).status).toBe(403);
  });
});
