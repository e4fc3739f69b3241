// Plumbing of the fault matrix: settle many calls with a guard against hangs, watch for
// unhandled rejections, and see what a call did to its request (aborted it, cancelled its body).
import { expect } from "vitest";
import type { ResponseStreamEvent } from "../../src/index";

/** How one call ended. `hung` only when it had not settled after the guard's wait. */
export type Settled<T> =
  | { status: "fulfilled"; value: T }
  | { status: "rejected"; reason: unknown }
  | { status: "hung" };

/**
 * Settles every promise, each raced against a real timer that only detects a hang: a call that
 * has not settled by then is reported as `hung` (a failure), not waited for.
 */
export async function settleAll<T>(
  promises: Promise<T>[],
  hangAfterMs = 20_000,
): Promise<Settled<T>[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<{ status: "hung" }>((resolve) => {
    timer = setTimeout(() => resolve({ status: "hung" }), hangAfterMs);
  });
  try {
    return await Promise.all(
      promises.map((promise) =>
        Promise.race([
          promise.then(
            (value) => ({ status: "fulfilled" as const, value }),
            (reason: unknown) => ({ status: "rejected" as const, reason }),
          ),
          hung,
        ]),
      ),
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A model that streams a part every 5 ms for as long as it is read, and calls `stopped` when
 * its stream is stopped: how a test sees that cancelling a call reached the model.
 */
export function tickingModel(stopped: () => void): () => { stream: AsyncGenerator<string> } {
  return () => ({
    stream: (async function* () {
      try {
        for (let i = 0; ; i++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield `tick ${i} `;
        }
      } finally {
        stopped();
      }
    })(),
  });
}

/** What a streamed call gave the caller: the parts' text, then the error it ended with. */
export interface Drained {
  parts: string[];
  error: unknown;
}

/** Reads a response stream to its end or its error, keeping the parts that came first. */
export async function drain(body: AsyncIterable<ResponseStreamEvent>): Promise<Drained> {
  const parts: string[] = [];
  const utf8 = new TextDecoder();
  try {
    for await (const event of body) parts.push(utf8.decode(event.PayloadPart.Bytes));
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

interface Listener {
  on?(event: string, fn: (reason: unknown) => void): void;
  off?(event: string, fn: (reason: unknown) => void): void;
}

/** Watchers of unhandled rejections, fed by one listener installed once per test file. */
const rejectionWatchers = new Set<(reason: unknown) => void>();
let listening = false;

/**
 * Listens for unhandled rejections once, for good: where the runtime has web events (Chromium,
 * workerd, the edge runtime), on those alone, else on Node's process. Adding and removing a
 * listener per test would add a process listener each time in the edge runtime, whose polyfill
 * never removes the one it installs (MaxListenersExceededWarning after ten tests).
 */
function listenForRejections(): void {
  if (listening) return;
  listening = true;
  const tell = (reason: unknown) => {
    for (const watcher of rejectionWatchers) watcher(reason);
  };
  if (typeof globalThis.addEventListener === "function") {
    globalThis.addEventListener("unhandledrejection", (event) =>
      tell((event as PromiseRejectionEvent).reason),
    );
  } else {
    (globalThis as { process?: Listener }).process?.on?.("unhandledRejection", tell);
  }
}

/**
 * Records unhandled rejections until `stop()`, in Node (`process`) and in web runtimes
 * (`unhandledrejection`). Give the event loop a turn before stopping: Node reports them after
 * the microtask queue drains.
 */
export function watchUnhandledRejections(): { stop(): Promise<unknown[]> } {
  listenForRejections();
  const seen: unknown[] = [];
  const watcher = (reason: unknown) => seen.push(reason);
  rejectionWatchers.add(watcher);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      rejectionWatchers.delete(watcher);
      return seen;
    },
  };
}

/** One request a probed fetch sent: its signal, and whether its answer's body was cancelled. */
export interface ProbedRequest {
  url: string;
  signal: AbortSignal | undefined;
  bodyCancelled: boolean;
}

/**
 * Wraps a fetch (looked up at each call, so MSW's interception still applies) to record each
 * request's signal and whether the client cancelled the answer's body: "the request was
 * cancelled" is then a fact the test can read, not a guess from timing. With `stallBody`, an
 * answer's body gives its first chunk and then nothing until its request is aborted, as a
 * stalled connection does.
 */
export function probeFetch(
  base: () => typeof fetch,
  options: { stallBody?: boolean } = {},
): { fetch: typeof fetch; requests: ProbedRequest[] } {
  const requests: ProbedRequest[] = [];
  const probed: typeof fetch = async (input, init) => {
    const signal = init?.signal ?? undefined;
    const entry: ProbedRequest = { url: String(input), signal, bodyCancelled: false };
    requests.push(entry);
    const response = await base()(input, init);
    if (!response.body) return response;
    const reader = response.body.getReader();
    let chunks = 0;
    const aborted = new Promise<never>((_, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => {});
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (options.stallBody && chunks > 0) await aborted;
          const { done, value } = await reader.read();
          chunks++;
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel(reason) {
          entry.bodyCancelled = true;
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: probed, requests };
}

/** The names a failed call may reject with: the service's, the client's, the stream's, fetch's. */
const TYPED = new Set([
  "AbortError",
  "TimeoutError",
  "EventStreamError",
  "TypeError", // fetch's own network error ("Failed to fetch", "fetch failed", "terminated")
  "ThrottlingException",
  "ModelNotReadyException",
  "ServiceUnavailable",
  "InternalFailure",
  "InternalDependencyException",
  "ModelError",
  "ValidationError",
  "ModelStreamError",
  "InternalStreamFailure",
  "ExpiredTokenException",
  "InvalidSignatureException",
  "502",
  "504",
  "Unknown", // an error answer with no code (a gateway's JSON), named as the AWS SDK names it
]);

/**
 * Checks that `error` is one of the typed errors a call may end with, with the `$metadata` of
 * the answer it ended (and, for an error `send` rejected with, how many attempts it made).
 */
export function expectTypedError(error: unknown, attempts?: number): void {
  expect(error).toBeInstanceOf(Error);
  const e = error as Error & { $metadata?: { attempts?: number } };
  expect(TYPED, `unexpected error ${e.name}: ${e.message}`).toContain(e.name);
  expect(e.$metadata, `${e.name} without $metadata`).toBeTypeOf("object");
  if (attempts !== undefined) expect(e.$metadata?.attempts).toBe(attempts);
}
