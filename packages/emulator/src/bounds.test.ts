import { afterEach, describe, expect, it } from "vitest";
import { optionsFromConfig } from "./configFile";
import { parseDuration } from "./duration";
import { endpointFromSpec } from "./endpointSpec";
import { type Emulator, type EmulatorOptions, FaultSpecError, startEmulator } from "./index";

// Every count, duration and skew is checked against the emulator's limits where it enters:
// `startEmulator`, config files (the CLI's exit code 2 is in cli.test.ts), the control API
// (control.test.ts). The errors name the field.

const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

describe("startEmulator refuses out-of-range options before listening", () => {
  it.each<[EmulatorOptions, string]>([
    [{ clockSkewMs: 9e15 }, "clockSkewMs"],
    [{ clockSkewMs: Number.NaN }, "clockSkewMs"],
    [{ latencyMs: 1e12 }, "latencyMs"],
    [{ latency: 1e12 }, "latency"],
    [{ latency: { min: 0, max: 1e12 } }, "latency.max"],
    [{ maxRequestLog: -1 }, "maxRequestLog"],
    [{ maxRequestLogBytes: 1e15 }, "maxRequestLogBytes"],
    [{ seed: 2 ** 40 }, "seed"],
    [{ port: 70_000 }, "port"],
  ])("%j → RangeError naming %s", async (options, field) => {
    await expect(startEmulator({ port: 0, ...options })).rejects.toThrow(
      new RegExp(`^${field.replace(".", "\\.")} must be`),
    );
  });

  it.each(["throttle:99999999999999999999", "drop:20000000", "throttle:1000000000"])(
    "faults: [%j] → FaultSpecError",
    async (spec) => {
      const attempt = startEmulator({ port: 0, faults: [spec] });
      await expect(attempt).rejects.toThrow(FaultSpecError);
      await expect(attempt).rejects.toThrow(/up to 10000/);
    },
  );

  it("setClockSkew(9e15) throws and leaves the clock as it was", async () => {
    const emulator = await startEmulator({ port: 0 });
    started.push(emulator);
    expect(() => emulator.setClockSkew(9e15)).toThrow(/^clockSkewMs must be/);
    expect(() => emulator.setClockSkew(-9e15)).toThrow(RangeError);
  });
});

describe("config files", () => {
  it.each<[Record<string, unknown>, string]>([
    [
      { faults: ["throttle:99999999999999999999"] },
      'faults[0]: fault "throttle:99999999999999999999"',
    ],
    [{ faults: ["echo", "drop:20000000"] }, "faults[0]: fault"],
    [{ clockSkew: 9e15 }, "clockSkew must be within"],
    [{ clockSkew: "9999999999h" }, "clockSkew must be"],
    [{ latency: 1e12 }, "latency must be"],
    [{ latency: { min: 1, max: 1e12 } }, "latency must be"],
    [{ port: 99999 }, "port must be a non-negative integer up to 65535"],
    [{ seed: 2 ** 40 }, "seed must be"],
  ])("%j is refused naming the field", (config, message) => {
    expect(() => optionsFromConfig(config)).toThrow(message);
  });

  it("bounds an endpoint's session lifetime and variant weights", () => {
    expect(() => endpointFromSpec("e", { demo: "chat", sessions: { ttlSeconds: 1e12 } })).toThrow(
      "endpoints.e.sessions must be",
    );
    expect(() =>
      endpointFromSpec("e", {
        demo: "echo",
        variants: [{ name: "A", weight: Number.POSITIVE_INFINITY }],
      }),
    ).toThrow("endpoints.e.variants must be");
  });
});

describe("parseDuration", () => {
  it("refuses what a Date cannot hold, naming the option", () => {
    expect(() => parseDuration(9e15, "skew")).toThrow("skew must be within ±30d");
    expect(() => parseDuration("1e400", "skew")).toThrow("skew must be a duration");
    expect(parseDuration("30d", "skew")).toBe(2_592_000_000);
  });
});
