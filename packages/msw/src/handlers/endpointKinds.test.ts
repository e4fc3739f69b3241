import { afterEach, describe, expect, it } from "vitest";
import { type ModelRequest, sageMakerHandlers } from "../index";
import { mulberry32, pickWeighted } from "../internal/prng";
import { invoke, STREAM_ACTION, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

const seen: ModelRequest[] = [];
const model = (request: ModelRequest) => {
  seen.push(request);
  return { body: { variant: request.variant } };
};
const endpoints = {
  ab: {
    model,
    variants: [
      { name: "blue", weight: 3 },
      { name: "green", weight: 1 },
    ],
  },
  even: { model, variants: ["one", "two"] },
  multi: { model, models: ["a.tar.gz", "b.tar.gz"] },
  components: { model, inferenceComponents: ["ic-llama"] },
};
const mock = sageMakerHandlers({ now: () => TEST_DATE.getTime(), endpoints });
const server = serveMock(mock);
afterEach(() => {
  seen.length = 0;
});

async function variants(endpoint: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await invoke(endpoint);
    expect(response.status).toBe(200);
    out.push(response.headers.get("x-amzn-invoked-production-variant") ?? "");
  }
  return out;
}

async function validationError(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationError:/);
  return ((await response.json()) as { message: string }).message;
}

describe("mulberry32", () => {
  it("is deterministic, in [0, 1), and picks by weight", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 100 }, () => a());
    expect(draws).toEqual(Array.from({ length: 100 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(100);
    expect(pickWeighted([3, 1], 0)).toBe(0);
    expect(pickWeighted([3, 1], 0.74)).toBe(0);
    expect(pickWeighted([3, 1], 0.76)).toBe(1);
    expect(pickWeighted([0, 1], 0)).toBe(1);
  });
});

describe("weighted production variants", () => {
  it("splits 400 calls close to the weights, identically for the same seed", async () => {
    const first = await variants("ab", 400);
    const blue = first.filter((v) => v === "blue").length;
    expect(first.filter((v) => v !== "blue" && v !== "green")).toEqual([]);
    // 3:1 weights: 300 expected, these bounds are ±3.5 standard deviations.
    expect(blue).toBeGreaterThan(270);
    expect(blue).toBeLessThan(330);
    expect(seen.map((r) => r.variant)).toEqual(first);

    mock.reset(); // restarts the PRNG
    expect(await variants("ab", 400)).toEqual(first);

    const same = sageMakerHandlers({ now: () => TEST_DATE.getTime(), endpoints });
    server.use(...same.handlers);
    expect(await variants("ab", 400)).toEqual(first);
    expect(same.requests).toHaveLength(400);
  });

  it("draws another sequence for another seed", async () => {
    const first = await variants("ab", 50);
    const other = sageMakerHandlers({ now: () => TEST_DATE.getTime(), endpoints, seed: 7 });
    server.use(...other.handlers);
    expect(await variants("ab", 50)).not.toEqual(first);
  });

  it("gives names without weights equal shares, and TargetVariant still wins", async () => {
    const even = await variants("even", 400);
    const one = even.filter((v) => v === "one").length;
    expect(one).toBeGreaterThan(160);
    expect(one).toBeLessThan(240);
    const green = await invoke("ab", { headers: { "x-amzn-sagemaker-target-variant": "green" } });
    expect(green.headers.get("x-amzn-invoked-production-variant")).toBe("green");
    expect(seen.at(-1)?.variant).toBe("green");
  });

  it("refuses bad weights", () => {
    const make = (variants: { name: string; weight: number }[]) => () =>
      sageMakerHandlers({ endpoints: { e: { model, variants } } });
    expect(make([{ name: "a", weight: -1 }])).toThrow(RangeError);
    expect(make([{ name: "a", weight: 0 }])).toThrow(RangeError);
    expect(
      make([
        { name: "a", weight: 1 },
        { name: "a", weight: 1 },
      ]),
    ).toThrow(RangeError);
  });
});

describe("multi-model endpoints", () => {
  it("serves a TargetModel of the endpoint", async () => {
    const response = await invoke("multi", {
      headers: { "x-amzn-sagemaker-target-model": "b.tar.gz" },
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.targetModel).toBe("b.tar.gz");
  });

  it("requires TargetModel", async () => {
    const message = await validationError(await invoke("multi"));
    expect(message).toMatch(/is missing a target model header/);
    expect(seen).toEqual([]);
  });

  it("refuses a model the endpoint does not have, naming it", async () => {
    const response = await invoke("multi", {
      headers: { "x-amzn-sagemaker-target-model": "c.tar.gz" },
    });
    expect(await validationError(response)).toContain("c.tar.gz");
    expect(seen).toEqual([]);
  });
});

describe("inference components", () => {
  it("passes a known component to the model", async () => {
    const response = await invoke("components", {
      headers: { "x-amzn-sagemaker-inference-component": "ic-llama" },
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.inferenceComponentName).toBe("ic-llama");
  });

  it("refuses an unknown component, naming it, on both real-time operations", async () => {
    for (const action of ["invocations", STREAM_ACTION]) {
      const response = await invoke("components", {
        action,
        headers: { "x-amzn-sagemaker-inference-component": "ic-mistral" },
      });
      expect(await validationError(response)).toContain("ic-mistral");
    }
    expect(seen).toEqual([]);
  });

  it("requires the component name", async () => {
    expect(await validationError(await invoke("components"))).toMatch(
      /Inference Component Name header is required/,
    );
  });
});

describe("latency ranges", () => {
  it("waits a latency drawn from [min, max] for every request", async () => {
    mock.faults.setLatency({ min: 30, max: 60 });
    expect(mock.faults.latency).toEqual({ min: 30, max: 60 });
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      expect(
        (await invoke("multi", { headers: { "x-amzn-sagemaker-target-model": "a.tar.gz" } }))
          .status,
      ).toBe(200);
      expect(performance.now() - start).toBeGreaterThanOrEqual(25);
    }
  });

  it("draws from the seeded PRNG: the same after reset, within bounds", () => {
    mock.faults.setLatency({ min: 10, max: 20 });
    const draws = Array.from({ length: 50 }, () => mock.faults.nextLatencyMs());
    expect(draws.every((ms) => ms >= 10 && ms <= 20)).toBe(true);
    expect(new Set(draws).size).toBe(50);
    mock.reset();
    expect(mock.faults.latency).toBe(0);
    mock.faults.setLatency({ min: 10, max: 20 });
    expect(Array.from({ length: 50 }, () => mock.faults.nextLatencyMs())).toEqual(draws);
  });

  it("refuses a bad range", () => {
    expect(() => mock.faults.setLatency({ min: 20, max: 10 })).toThrow(RangeError);
    expect(() => mock.faults.setLatency({ min: -1, max: 10 })).toThrow(RangeError);
    expect(() => mock.faults.setLatency(-5)).toThrow(RangeError);
  });
});
