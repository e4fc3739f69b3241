import { readEventStream } from "@sagefetch/testing/eventStream";
import { describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./index";
import { emulatorsClosedAfterEach } from "./internal/testing/emulators";
import { STREAM_ACTION, signedInvoke } from "./internal/testing/signedInvoke";

// The emulator's options beyond the basics (emulator.test.ts): faults, clock, verification,
// Cognito, and the control API for clients in other processes.

const POOL = "us-east-1:00000000-0000-4000-8000-000000000001";
const emulatorWith = emulatorsClosedAfterEach();

const call = async (emulator: Emulator, name = "echo", options = {}) =>
  fetch(await signedInvoke(name, { baseUrl: emulator.url, date: new Date(), ...options }));

const admin = (emulator: Emulator, action: string, body?: unknown) =>
  fetch(`${emulator.url}/_emulator/${action}`, {
    method: body === undefined && action === "requests" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("faults given at start", () => {
  it("answers the queued faults in order, then normally", async () => {
    const emulator = await emulatorWith({ faults: ["throttle", "status:503"] });
    expect((await call(emulator)).headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException/);
    expect((await call(emulator)).status).toBe(503);
    expect((await call(emulator)).status).toBe(200);
  });

  it("applies stream faults to the next streamed answer", async () => {
    const emulator = await emulatorWith({ faults: ["cut-stream:1"] });
    const response = await call(emulator, "chat", { action: STREAM_ACTION });
    const read = await readEventStream(response.body);
    expect(read.messages).toHaveLength(1);
    expect(read.error).toBeDefined();
  });

  it("refuses a bad spec before listening", async () => {
    await expect(startEmulator({ port: 0, faults: ["boom"] })).rejects.toThrow('fault "boom"');
  });
});

describe("the server clock", () => {
  it("refuses a signature 15 minutes off, and accepts it after setClockSkew(0)", async () => {
    const emulator = await emulatorWith({ clockSkewMs: 15 * 60_000 });
    const refused = await call(emulator);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^Signature expired/);
    // The Date header tells the client the server's time, as the service's does.
    const serverDate = Date.parse(refused.headers.get("date") ?? "");
    expect(serverDate - Date.now()).toBeGreaterThan(14 * 60_000);
    emulator.setClockSkew(0);
    expect((await call(emulator)).status).toBe(200);
  });
});

describe("verifySignatures: false", () => {
  it("answers a request signed with an unknown key", async () => {
    const strict = await emulatorWith({});
    const lax = await emulatorWith({ verifySignatures: false });
    const credentials = { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "unknown" };
    expect((await call(strict, "echo", { credentials })).status).toBe(403);
    expect((await call(lax, "echo", { credentials })).status).toBe(200);
  });
});

describe("latency", () => {
  it("draws a latency per request from a range", async () => {
    const emulator = await emulatorWith({ latency: { min: 40, max: 60 } });
    const started = performance.now();
    expect((await call(emulator)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});

describe("cognito", () => {
  it("serves Cognito Identity and STS with CORS, and SageMaker accepts what they issue", async () => {
    const emulator = await emulatorWith({ cognito: { identityPools: { [POOL]: {} } } });
    expect(emulator.cognitoUrl).toBe(`${emulator.url}/cognito-identity`);
    expect(emulator.stsUrl).toBe(`${emulator.url}/sts`);
    const preflight = await fetch(emulator.cognitoUrl ?? "", {
      method: "OPTIONS",
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-amz-target",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
    const cognito = (target: string, body: unknown) =>
      fetch(emulator.cognitoUrl ?? "", {
        method: "POST",
        headers: {
          origin: "http://app.test",
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `AWSCognitoIdentityService.${target}`,
        },
        body: JSON.stringify(body),
      });
    const id = await cognito("GetId", { IdentityPoolId: POOL });
    expect(id.headers.get("access-control-allow-origin")).toBe("http://app.test");
    const { IdentityId } = (await id.json()) as { IdentityId: string };
    const issued = (await (await cognito("GetCredentialsForIdentity", { IdentityId })).json()) as {
      Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string };
    };
    const credentials = {
      accessKeyId: issued.Credentials.AccessKeyId,
      secretAccessKey: issued.Credentials.SecretKey,
      sessionToken: issued.Credentials.SessionToken,
    };
    const invoked = await call(emulator, "echo", { credentials });
    expect(invoked.status).toBe(200);
    // SageMaker Runtime itself still answers no CORS.
    expect(invoked.headers.has("access-control-allow-origin")).toBe(false);
    expect(emulator.mock.requests.at(-1)?.accessKeyId).toBe(credentials.accessKeyId);
  });
});

describe("the control API", () => {
  it("queues faults, skews the clock, lists requests and resets", async () => {
    const emulator = await emulatorWith({});
    expect((await admin(emulator, "faults", ["status:500"])).status).toBe(204);
    expect((await call(emulator)).status).toBe(500);
    expect((await call(emulator)).status).toBe(200);
    const listed = (await (await admin(emulator, "requests")).json()) as unknown[];
    expect(listed).toEqual([
      expect.objectContaining({ operation: "InvokeEndpoint", endpointName: "echo", status: 500 }),
      expect.objectContaining({ status: 200, accessKeyId: "AKIDEXAMPLE" }),
    ]);
    // Only what a test needs: no header, body or signature.
    expect(JSON.stringify(listed)).not.toMatch(/Signature|inputs|authorization/i);
    expect((await admin(emulator, "clock", { skew: "-1h" })).status).toBe(204);
    expect((await call(emulator)).status).toBe(403);
    expect((await admin(emulator, "clock", { skew: 0 })).status).toBe(204);
    expect((await admin(emulator, "reset", {})).status).toBe(204);
    expect(emulator.mock.requests).toHaveLength(0);
  });

  it("refuses bad input with a 400 that says why", async () => {
    const emulator = await emulatorWith({});
    const bad = await admin(emulator, "faults", ["explode"]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('fault "explode"');
    expect((await admin(emulator, "clock", { skew: "soon" })).status).toBe(400);
    expect((await admin(emulator, "nothing", {})).status).toBe(404);
  });

  it("is absent with admin: false", async () => {
    const emulator = await emulatorWith({ admin: false });
    expect((await admin(emulator, "reset", {})).status).not.toBe(204);
  });
});

describe("the request log", () => {
  it("keeps the newest maxRequestLog requests", async () => {
    const emulator = await emulatorWith({ maxRequestLog: 2 });
    for (const body of ["1", "2", "3"]) await (await call(emulator, "echo", { body })).text();
    await expect.poll(() => emulator.mock.requests.length).toBe(2);
    expect(emulator.mock.requests.map((r) => new TextDecoder().decode(r.body))).toEqual(["2", "3"]);
  });
});
