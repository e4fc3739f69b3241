import { describe, expect, it } from "vitest";
import { type AttemptRecord, type RetryPolicy, retryLoop } from "./retryLoop";
import { STANDARD_2026, StandardRetryStrategy } from "./StandardRetryStrategy";

const policy = (extra: Partial<RetryPolicy> = {}): RetryPolicy => ({
  strategy: new StandardRetryStrategy(STANDARD_2026, () => 0),
  maxAttempts: 3,
  signal: undefined,
  timeoutMs: 0,
  describe: 'Test on endpoint "e"',
  ...extra,
});
const transient = () => Object.assign(new Error("down"), { $metadata: { httpStatusCode: 503 } });

/** Attempts that answer with the given records in turn. */
function attempts(...records: AttemptRecord<string>[]) {
  const seen: number[] = [];
  return {
    seen,
    run: async (n: number) => {
      seen.push(n);
      return records[n - 1] as AttemptRecord<string>;
    },
  };
}

describe("retryLoop", () => {
  it("returns the first success, with how far the call got", async () => {
    const a = attempts({ ok: false, error: transient() }, { ok: true, value: "done" });
    await expect(retryLoop(policy(), a.run)).resolves.toEqual({
      value: "done",
      progress: { attempts: 2, totalRetryDelay: 0 },
    });
  });

  it("gives up with the last error, its $metadata kept and the progress added", async () => {
    const last = transient();
    const a = attempts(
      { ok: false, error: transient() },
      { ok: false, error: transient() },
      {
        ok: false,
        error: last,
      },
    );
    const error = await retryLoop(policy(), a.run).catch((e: unknown) => e);
    expect(error).toBe(last);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 503, attempts: 3 } });
  });

  it("gives up with giveUpWith when there is one, and never retries `never`", async () => {
    const explained = new Error("explained");
    const a = attempts({ ok: false, error: transient(), retry: "never", giveUpWith: explained });
    await expect(retryLoop(policy(), a.run)).rejects.toBe(explained);
    expect(a.seen).toEqual([1]);
  });

  it("tries again at once on `now`, whatever the error", async () => {
    const refused = Object.assign(new Error("expired"), { name: "ExpiredTokenException" });
    const a = attempts({ ok: false, error: refused, retry: "now" }, { ok: true, value: "ok" });
    await expect(retryLoop(policy({ maxAttempts: 1 }), a.run)).resolves.toMatchObject({
      value: "ok",
    });
  });

  it("an attempt that throws is judged as its error; an attempt past timeoutMs is a TimeoutError", async () => {
    let n = 0;
    const error = await retryLoop(policy({ maxAttempts: 2, timeoutMs: 10 }), async () => {
      n++;
      return new Promise<AttemptRecord<string>>(() => {});
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 10,
      $metadata: { attempts: 2 },
    });
    expect(n).toBe(2);
  });

  it("the caller's signal ends it at once, a wait included", async () => {
    const controller = new AbortController();
    const strategy = new StandardRetryStrategy(STANDARD_2026, () => 1);
    const loop = retryLoop(policy({ strategy, signal: controller.signal }), async () => ({
      ok: false,
      error: Object.assign(new Error("throttled"), { name: "ThrottlingException" }),
    }));
    setTimeout(() => controller.abort(), 20);
    await expect(loop).rejects.toMatchObject({ name: "AbortError", $metadata: { attempts: 1 } });
  });
});
