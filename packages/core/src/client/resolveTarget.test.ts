import { describe, expect, it } from "vitest";
import type { SerializedRequest } from "../commands/Operation";
import { resolveConfig } from "./config";
import { resolveTarget } from "./resolveTarget";

const request = (endpointName: string): SerializedRequest => ({
  path: `/endpoints/${endpointName}/invocations`,
  headers: {},
  body: undefined,
  endpointName,
});

describe("resolveTarget", () => {
  it("makes a fixed client's target of a path once, and each path its own", async () => {
    const config = resolveConfig({ region: "eu-west-1" });
    const first = await resolveTarget(config, "InvokeEndpoint", request("a"));
    expect(await resolveTarget(config, "InvokeEndpoint", request("a"))).toBe(first);
    expect(first.url.href).toBe(
      "https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/a/invocations",
    );
    const other = await resolveTarget(config, "InvokeEndpoint", request("b"));
    expect(other.url.href).toBe(
      "https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/b/invocations",
    );
    expect(other.describe).toBe('InvokeEndpoint on endpoint "b"');
    // Another operation on the same path is described as itself.
    const streamed = await resolveTarget(config, "Other", request("a"));
    expect(streamed.describe).toBe('Other on endpoint "a"');
  });

  it("stays right past the number of targets it keeps", async () => {
    const config = resolveConfig({ region: "us-east-1", relay: "https://relay.example.com" });
    for (let i = 0; i < 600; i++) {
      const target = await resolveTarget(config, "InvokeEndpoint", request(`e${i % 300}`));
      expect(target.url.pathname).toBe(`/endpoints/e${i % 300}/invocations`);
      expect(target.sendTo.href).toBe(
        `https://relay.example.com/runtime.sagemaker.us-east-1.amazonaws.com/endpoints/e${i % 300}/invocations`,
      );
    }
  });

  it("reads settings given as functions at each call", async () => {
    let region = "us-east-1";
    let maxAttempts = 3;
    const config = resolveConfig({
      region: async () => region,
      maxAttempts: async () => maxAttempts,
    });
    const first = await resolveTarget(config, "InvokeEndpoint", request("a"));
    region = "ap-south-1";
    maxAttempts = 5;
    const second = await resolveTarget(config, "InvokeEndpoint", request("a"));
    expect(first).toMatchObject({ region: "us-east-1", maxAttempts: 3 });
    expect(second).toMatchObject({ region: "ap-south-1", maxAttempts: 5 });
    expect(second.url.host).toBe("runtime.sagemaker.ap-south-1.amazonaws.com");
  });

  it("does not keep a failure: a missing region fails every call the same way", async () => {
    const config = resolveConfig({});
    for (let i = 0; i < 2; i++) {
      expect(() => resolveTarget(config, "InvokeEndpoint", request("a"))).toThrow(
        "Invalid Configuration: Missing Region",
      );
    }
  });
});
