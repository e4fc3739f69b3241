// Issue: a stuck provider blocked the client for good; `expiration` from JSON crashed every
// later call; a provider's own error reached the caller with nothing saying the credentials
// step failed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { SageMakerRuntimeClient } from "../client/SageMakerRuntimeClient";
import { InvokeEndpointCommand } from "../commands/InvokeEndpointCommand";
import { memoizeCredentials, REFRESH_WINDOW_MS } from "./memoizeCredentials";
import { type AwsCredentialIdentity, CredentialsProviderError } from "./types";

const creds = (extra: Record<string, unknown> = {}): AwsCredentialIdentity =>
  ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", ...extra }) as AwsCredentialIdentity;

afterEach(() => {
  vi.useRealTimers();
});

describe("a provider call that never finishes", () => {
  it("is dropped at the deadline, its signal fired, and the next call asks again", async () => {
    const signals: AbortSignal[] = [];
    let answer = false;
    const provider = vi.fn((options?: { abortSignal?: AbortSignal }) => {
      signals.push(options?.abortSignal as AbortSignal);
      return answer ? Promise.resolve(creds()) : new Promise<AwsCredentialIdentity>(() => {});
    });
    const source = memoizeCredentials(provider, 30);
    const error = await source().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect((error as Error).message).toContain("credentialsTimeout (30 ms)");
    expect(signals[0]?.aborted).toBe(true);
    answer = true;
    await expect(source()).resolves.toMatchObject({ accessKeyId: "AKIDEXAMPLE" });
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("through the client: credentialsTimeout ends the wait, and a later call succeeds", async () => {
    let stuck = true;
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentialsTimeout: 30,
      credentials: () => (stuck ? new Promise(() => {}) : Promise.resolve(creds())),
      fetch: async () => new Response("ok"),
    });
    const command = () => new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" });
    await expect(client.send(command())).rejects.toMatchObject({
      name: "CredentialsProviderError",
      $metadata: { attempts: 1 },
    });
    stuck = false;
    const out = await client.send(command());
    expect(out.Body.transformToString()).toBe("ok");
  });

  it("credentialsTimeout must be a number of milliseconds", () => {
    expect(() => new SageMakerRuntimeClient({ credentialsTimeout: -1 })).toThrow(
      /credentialsTimeout/,
    );
  });

  it.each([
    ["requestTimeout", Number.POSITIVE_INFINITY],
    ["requestTimeout", 2 ** 31],
    ["credentialsTimeout", 1e12],
    ["requestTimeout", Number.NaN],
  ])("%s of %s is refused by name: a timer would overflow and fire at once", (name, value) => {
    expect(() => new SageMakerRuntimeClient({ [name]: value })).toThrow(
      new TypeError(`${name} must be a number of milliseconds from 0 (none) to 2147483647`),
    );
    expect(() => new SageMakerRuntimeClient({ [name]: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe("expiration as parsed JSON gives it", () => {
  it.each([
    ["an ISO 8601 string", (at: number) => new Date(at).toISOString()],
    ["epoch seconds", (at: number) => at / 1000],
    ["epoch milliseconds", (at: number) => at],
  ])("reads %s as a Date, and refreshes before it", async (_name, form) => {
    vi.useFakeTimers({ now: Date.parse("2026-12-05T12:00:00Z"), toFake: ["Date"] });
    const at = Date.now() + 60 * 60_000;
    const provider = vi.fn(async () => creds({ expiration: form(at) }));
    const source = memoizeCredentials(provider);
    const first = await source();
    expect(first.expiration).toBeInstanceOf(Date);
    expect(first.expiration?.getTime()).toBe(at);
    expect(await source()).toBe(first);
    vi.setSystemTime(at - REFRESH_WINDOW_MS + 1000);
    await source();
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("static credentials with a string expiration work on every call", async () => {
    const source = memoizeCredentials(creds({ expiration: "2999-01-01T00:00:00Z" }));
    await source();
    await expect(source()).resolves.toMatchObject({ expiration: new Date("2999-01-01T00:00:00Z") });
  });

  it("an expiration that is no date is a CredentialsProviderError naming it", async () => {
    const source = memoizeCredentials(async () => creds({ expiration: "soon" }));
    await expect(source()).rejects.toThrow(CredentialsProviderError);
    await expect(source()).rejects.toThrow(/expiration/);
  });
});

describe("every provider failure is a CredentialsProviderError", () => {
  it("with the provider's own error as cause", async () => {
    const own = new Error("no login");
    const source = memoizeCredentials(async () => {
      throw own;
    });
    const error = await source().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect((error as Error).cause).toBe(own);
    expect((error as Error).message).not.toContain("no login");
  });

  it("is not retried by the client (the provider retries its own requests)", async () => {
    const provider = vi.fn(async (): Promise<AwsCredentialIdentity> => {
      throw new TypeError("Failed to fetch");
    });
    const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: provider });
    await expect(
      client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" })),
    ).rejects.toMatchObject({ name: "CredentialsProviderError", cause: { name: "TypeError" } });
    expect(provider).toHaveBeenCalledTimes(1);
  });
});
