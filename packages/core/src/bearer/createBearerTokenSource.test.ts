import { describe, expect, it } from "vitest";
import type { AwsCredentialIdentity } from "../credentials/types";
import { BEARER_TOKEN_PREFIX } from "./createBearerToken";
import { createBearerTokenSource } from "./createBearerTokenSource";

const T0 = Date.UTC(2026, 11, 5, 8, 0, 0);
const dateOf = (token: string) =>
  /X-Amz-Date=(\w+)/.exec(atob(token.slice(BEARER_TOKEN_PREFIX.length)))?.[1];

function provider(lifetimeMs?: number, clock?: { now: number }) {
  const calls: number[] = [];
  const provide = async (): Promise<AwsCredentialIdentity> => {
    calls.push(clock?.now ?? 0);
    return {
      accessKeyId: `ASIA${calls.length}`,
      secretAccessKey: "secret-of-the-provider",
      sessionToken: `session-${calls.length}`,
      expiration: lifetimeMs === undefined ? undefined : new Date((clock?.now ?? 0) + lifetimeMs),
    };
  };
  return { provide, calls };
}

describe("createBearerTokenSource", () => {
  it("gives the same token until renewBefore its expiry, then a new one", async () => {
    const clock = { now: T0 };
    const { provide, calls } = provider();
    const tokens = createBearerTokenSource({
      credentials: provide,
      region: "us-east-1",
      expiresIn: 600,
      renewBefore: 60,
      now: () => clock.now,
    });
    const first = await tokens();
    clock.now = T0 + 539_000;
    expect(await tokens()).toBe(first);
    clock.now = T0 + 540_000;
    const second = await tokens();
    expect(second).not.toBe(first);
    expect(dateOf(second)).toBe("20261205T080900Z");
    expect(calls).toHaveLength(1);
  });

  it("renews before temporary credentials expire, and with them", async () => {
    const clock = { now: T0 };
    const { provide, calls } = provider(20 * 60_000, clock);
    const tokens = createBearerTokenSource({
      credentials: provide,
      region: "us-east-1",
      now: () => clock.now,
    });
    const first = await tokens();
    // 12 h tokens, but the credentials last 20 min: renewed 5 min before they lapse.
    clock.now = T0 + 14 * 60_000;
    expect(await tokens()).toBe(first);
    clock.now = T0 + 15 * 60_000;
    const second = await tokens();
    expect(second).not.toBe(first);
    expect(calls).toHaveLength(2);
  });

  it("makes one provider call for concurrent first requests", async () => {
    const { provide, calls } = provider();
    const tokens = createBearerTokenSource({ credentials: provide, region: "eu-west-1" });
    const all = await Promise.all([tokens(), tokens(), tokens()]);
    expect(new Set(all).size).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it("forceRefresh asks the provider again", async () => {
    const { provide, calls } = provider();
    const tokens = createBearerTokenSource({ credentials: provide, region: "eu-west-1" });
    await tokens();
    await tokens({ forceRefresh: true });
    expect(calls).toHaveLength(2);
  });

  it("takes static credentials, and a failing provider's error reaches the caller typed, with its cause", async () => {
    const tokens = createBearerTokenSource({
      credentials: { accessKeyId: "AKID", secretAccessKey: "static-secret" },
      region: "us-east-1",
    });
    expect(await tokens()).toMatch(/^sagemaker-api-key-/);
    const failing = createBearerTokenSource({
      credentials: async () => {
        throw new Error("no identity");
      },
      region: "us-east-1",
    });
    const error = await failing().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CredentialsProviderError" });
    expect((error as Error).cause).toMatchObject({ message: "no identity" });
  });

  it("checks expiresIn and region when built", () => {
    const credentials = { accessKeyId: "AKID", secretAccessKey: "x" };
    expect(() =>
      createBearerTokenSource({ credentials, region: "us-east-1", expiresIn: 0 }),
    ).toThrow(expect.objectContaining({ name: "BearerTokenError", field: "expiresIn" }));
    expect(() => createBearerTokenSource({ credentials, region: "" })).toThrow(
      expect.objectContaining({ field: "region" }),
    );
  });
});
