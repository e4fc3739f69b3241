import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EndpointConfig, ModelRequest } from "@sagefetch/msw";
import { FaultQueue } from "@sagefetch/msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfigFile, optionsFromConfig } from "./configFile";
import { parseDuration } from "./duration";
import { endpointFromSpec } from "./endpointSpec";
import { applyFaultSpec } from "./faultSpec";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sagefetch-config-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const asConfig = (definition: unknown) => definition as EndpointConfig;

describe("optionsFromConfig", () => {
  it("reads settings, keeps the demo endpoints beside the file's own, and builds endpoint shapes", async () => {
    const options = optionsFromConfig({
      port: 9000,
      cors: true,
      seed: 7,
      clockSkew: "-15m",
      latency: { min: 5, max: 10 },
      faults: ["throttle:2"],
      credentials: [{ accessKeyId: "AKIDFILE", secretAccessKey: "file-secret" }],
      endpoints: {
        ab: { demo: "sentiment", variants: [{ name: "A", weight: 3 }, "B"] },
        fixed: { response: { body: { ok: true }, customAttributes: "c=1" } },
        mme: { demo: "echo", models: ["m1.tar.gz"], inferenceComponents: ["ic"] },
        talk: { demo: "chat", sessions: { ttlSeconds: 30 } },
        llm: { container: "http://127.0.0.1:8081" },
        alias: "tabular",
      },
    });
    expect(options).toMatchObject({
      port: 9000,
      cors: true,
      seed: 7,
      clockSkewMs: -900_000,
      latency: { min: 5, max: 10 },
      faults: ["throttle:2"],
    });
    const endpoints = options.endpoints ?? {};
    expect(Object.keys(endpoints)).toEqual(
      expect.arrayContaining([
        "echo",
        "chat",
        "slow",
        "ab",
        "fixed",
        "mme",
        "talk",
        "llm",
        "alias",
      ]),
    );
    expect(asConfig(endpoints.ab).variants).toEqual([{ name: "A", weight: 3 }, "B"]);
    expect(asConfig(endpoints.mme).models).toEqual(["m1.tar.gz"]);
    expect(asConfig(endpoints.talk).sessions).toEqual({ ttlSeconds: 30 });
    const fixed = await asConfig(endpoints.fixed).model({} as ModelRequest);
    expect(fixed).toEqual({ body: { ok: true }, customAttributes: "c=1" });
  });

  it("names the chat container demos too, alone or behind sessions", () => {
    const options = optionsFromConfig({
      demo: false,
      endpoints: { llama: "vllm", tokens: "lmi", stateful: { demo: "tgi-messages", sessions: {} } },
    });
    const endpoints = options.endpoints ?? {};
    expect(Object.keys(endpoints)).toEqual(["llama", "tokens", "stateful"]);
    expect(typeof endpoints.llama).toBe("function");
    expect(asConfig(endpoints.stateful).sessions).toEqual({});
  });

  it("leaves the demo endpoints out with demo: false", () => {
    const options = optionsFromConfig({ demo: false, endpoints: { only: "echo" } });
    expect(Object.keys(options.endpoints ?? {})).toEqual(["only"]);
  });

  it.each([
    [{ prot: 1 }, "unknown field prot"],
    [{ port: "80" }, "port must be a non-negative integer"],
    [{ endpoints: { x: "gpt" } }, "endpoints.x must be one of echo, sentiment"],
    [{ endpoints: { x: {} } }, "endpoints.x needs exactly one of demo, container or response"],
    [{ endpoints: { x: { demo: "echo", container: "http://a" } } }, "needs exactly one"],
    [{ endpoints: { x: { container: "not a url" } } }, "endpoints.x.container must be a URL"],
    [{ endpoints: { x: { demo: "echo", models: [1] } } }, "endpoints.x.models must be a list"],
    [{ endpoints: { x: { demo: "echo", sessions: { ttlSeconds: -1 } } } }, "endpoints.x.sessions"],
    [{ latency: { min: 9, max: 1 } }, "latency must be"],
    [{ clockSkew: "soon" }, "clockSkew must be a duration"],
    [{ faults: "throttle" }, "faults must be a list of strings"],
  ])("refuses %j naming the field", (config, message) => {
    expect(() => optionsFromConfig(config)).toThrow(message);
  });

  it("never repeats a secret in its error", () => {
    const secret = "do-not-print-me";
    expect(() => optionsFromConfig({ credentials: [{ accessKeyId: "A", secret }] })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });
});

describe("loadConfigFile", () => {
  it("reads a JSON file", async () => {
    const path = join(dir, "emulator.json");
    await writeFile(path, JSON.stringify({ endpoints: { mine: "echo" }, cors: true }));
    const options = await loadConfigFile(path);
    expect(options.cors).toBe(true);
    expect(options.endpoints).toHaveProperty("mine");
  });

  it("imports an ES module whose endpoints may be model functions", async () => {
    const path = join(dir, "emulator.mjs");
    await writeFile(
      path,
      "export default { endpoints: { upper: (r) => ({ body: r.text().toUpperCase() }) } };\n",
    );
    const options = await loadConfigFile(path);
    const upper = options.endpoints?.upper;
    expect(typeof upper).toBe("function");
  });

  it("names the file in its errors", async () => {
    const path = join(dir, "broken.json");
    await writeFile(path, '{"port": ');
    await expect(loadConfigFile(path)).rejects.toThrow(/broken\.json: /);
    await expect(loadConfigFile(join(dir, "missing.json"))).rejects.toThrow(/missing\.json: /);
  });
});

describe("fault specs", () => {
  it.each([
    ["throttle", { status: 400, code: "ThrottlingException" }],
    ["throttle:2", { status: 400, code: "ThrottlingException" }],
    ["status:503,500", { status: 503 }],
    ["drop", { type: "drop" }],
    ["html:504", { type: "html", status: 504 }],
    ["delay:250", { type: "delay", ms: 250 }],
  ])("%s queues the fault", (spec, first) => {
    const queue = new FaultQueue();
    applyFaultSpec(queue, spec);
    expect(queue.next()).toMatchObject(first);
  });

  it.each([
    ["cut-stream:2", { type: "cut", afterParts: 2 }],
    ["truncate-stream:1", { type: "truncate", afterParts: 1 }],
    ["corrupt-stream:0:prelude", { type: "corrupt", partIndex: 0, where: "prelude" }],
    ["corrupt-stream:3", { type: "corrupt", partIndex: 3, where: "message" }],
  ])("%s queues the stream fault", (spec, fault) => {
    const queue = new FaultQueue();
    applyFaultSpec(queue, spec);
    expect(queue.nextStreamFault()).toEqual(fault);
  });

  it.each([
    ["explode", "unknown fault"],
    ["status", "expected at least one status"],
    ["status:200", "expected an HTTP error status"],
    ["cut-stream", "expected a non-negative integer"],
    ["corrupt-stream:1:middle", "where: message|prelude"],
  ])("%s is refused, naming the spec", (spec, reason) => {
    expect(() => applyFaultSpec(new FaultQueue(), spec)).toThrow(`fault "${spec}": ${reason}`);
  });
});

describe("parseDuration", () => {
  it.each([
    ["250ms", 250],
    ["90s", 90_000],
    ["15m", 900_000],
    ["-2h", -7_200_000],
    ["+1.5s", 1_500],
    ["40", 40],
    [12, 12],
  ])("%s is %d ms", (value, ms) => expect(parseDuration(value, "x")).toBe(ms));

  it("names the option it refuses", () => {
    expect(() => parseDuration("15 minutes", "--clock-skew")).toThrow("--clock-skew must be");
  });
});

describe("endpointFromSpec", () => {
  it("passes a model function or a config with a model function through", () => {
    const model = () => ({ body: 1 });
    expect(endpointFromSpec("a", model)).toBe(model);
    const config = { model, variants: ["x"] };
    expect(endpointFromSpec("b", config)).toBe(config);
  });
});
