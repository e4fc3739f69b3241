import { afterEach, describe, expect, it, vi } from "vitest";
import { memoizeCredentials, REFRESH_WINDOW_MS } from "./memoizeCredentials";
import { type AwsCredentialIdentity, CredentialsProviderError } from "./types";

const creds = (expiration?: Date): AwsCredentialIdentity => ({
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "secret",
  sessionToken: "token",
  ...(expiration ? { expiration } : {}),
});

afterEach(() => {
  vi.useRealTimers();
});

describe("memoizeCredentials", () => {
  it("calls the provider once for a hundred concurrent calls", async () => {
    const provider = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return creds();
    });
    const source = memoizeCredentials(provider);
    const all = await Promise.all(Array.from({ length: 100 }, () => source()));
    expect(provider).toHaveBeenCalledTimes(1);
    expect(new Set(all).size).toBe(1);
  });

  it("refreshes 5 minutes before expiration, once", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-24T12:00:00Z"), toFake: ["Date"] });
    const expiring = (minutes: number) => creds(new Date(Date.now() + minutes * 60_000));
    const provider = vi.fn(async () => expiring(60));
    const source = memoizeCredentials(provider);
    const first = await source();
    vi.setSystemTime(Date.now() + 60 * 60_000 - REFRESH_WINDOW_MS - 1000);
    expect(await source()).toBe(first);
    expect(provider).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 2000);
    const [a, b] = await Promise.all([source(), source()]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("does not keep a failure: the next call tries again", async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockRejectedValueOnce(
        Object.assign(new Error("Token is not from a supported provider"), {
          name: "NotAuthorizedException",
        }),
      )
      .mockResolvedValueOnce(creds());
    const source = memoizeCredentials(provider);
    const failures = await Promise.allSettled([source(), source()]);
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      const { reason } = failure as PromiseRejectedResult;
      expect(reason).toBeInstanceOf(CredentialsProviderError);
      expect(reason.cause.name).toBe("NotAuthorizedException");
    }
    expect(provider).toHaveBeenCalledTimes(1);
    expect(await source()).toMatchObject({ accessKeyId: "AKIDEXAMPLE" });
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("forces a refresh when asked", async () => {
    const provider = vi.fn(async () => creds());
    const source = memoizeCredentials(provider);
    await source();
    await source(true);
    expect(provider).toHaveBeenCalledTimes(2);
    expect(provider).toHaveBeenLastCalledWith(expect.objectContaining({ forceRefresh: true }));
  });

  it("rejects missing and malformed credentials with a typed error that holds no secret", async () => {
    await expect(memoizeCredentials(undefined)()).rejects.toBeInstanceOf(CredentialsProviderError);
    const bad = memoizeCredentials({ accessKeyId: "AKID", secretAccessKey: "" });
    await expect(bad()).rejects.toThrow(/non-empty accessKeyId and secretAccessKey/);
    const leaky = memoizeCredentials(async () => ({
      accessKeyId: "",
      secretAccessKey: "s3cr3t-value",
    }));
    const error = await leaky().catch((e: unknown) => e);
    expect(String(error)).not.toContain("s3cr3t-value");
  });
});

describe("memoizeCredentials: providers that misbehave", () => {
  it("a provider that throws at once (not in a promise) is called again next time", async () => {
    let signedIn = false;
    const provider = vi.fn((): Promise<AwsCredentialIdentity> => {
      if (!signedIn) throw new Error("not signed in");
      return Promise.resolve(creds());
    });
    const source = memoizeCredentials(provider);
    await expect(source()).rejects.toMatchObject({ cause: { message: "not signed in" } });
    signedIn = true;
    await expect(source()).resolves.toMatchObject({ accessKeyId: "AKIDEXAMPLE" });
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it("bad static credentials reject only when used, never as an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    globalThis.addEventListener?.("unhandledrejection", onUnhandled as never);
    const source = memoizeCredentials({ accessKeyId: "", secretAccessKey: "" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(source()).rejects.toBeInstanceOf(CredentialsProviderError);
    globalThis.removeEventListener?.("unhandledrejection", onUnhandled as never);
    expect(unhandled).toEqual([]);
  });
});
