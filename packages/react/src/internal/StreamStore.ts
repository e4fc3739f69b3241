import type { StreamOptions, StreamResult, StreamSnapshot, StreamStatus } from "../streamTypes";
import type { SageMakerError } from "../types";
import { isAbort } from "./isAbort";
import { readPieces, type StreamOutput } from "./readPieces";
import { endStream } from "./streamEvents";

/** A stream's state outside React, read through `useSyncExternalStore`. */
export interface StreamStore {
  /** Takes the options the next frame and the next run read (the hook's, after each render). */
  setOptions(options: StreamOptions): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): StreamSnapshot;
  /**
   * Streams what `send` answers into the state; a stream already running is aborted first.
   * The clock starts now, or when `send` calls `sent` (a request that waited its turn).
   * Resolves once this stream has ended, however it ended; never rejects.
   */
  run(
    send: (signal: AbortSignal, sent: () => void) => Promise<StreamOutput>,
  ): Promise<StreamResult>;
  /** Aborts the running stream; what arrived stays, with status `aborted`. */
  abort(): void;
  /** Aborts the running stream and forgets everything. */
  reset(): void;
}

/**
 * Publishes at most once per animation frame and per `throttleMs`, however fast pieces
 * arrive, so that one publication is one render; the end of a stream is published at once.
 * (Closures rather than a class: minifiers shorten variables, not property names.)
 */
export function createStreamStore(initial: StreamOptions = {}): StreamStore {
  let options = initial;
  const listeners = new Set<() => void>();
  let snapshot: StreamSnapshot;
  let controller: AbortController | undefined;
  let parts: string[];
  let status: StreamStatus;
  let startedAt = 0;
  let firstAt = 0;
  let lastAt = 0;
  let lastPublished = -Infinity;
  let cancelFrame: (() => void) | undefined;

  const publish = (error?: unknown) => {
    cancelFrame?.();
    cancelFrame = undefined;
    lastPublished = now();
    const count = parts.length;
    const decodeMs = lastAt - firstAt;
    snapshot = {
      text: parts.join(""),
      parts: parts.slice(),
      status,
      error: status === "error" ? (error as SageMakerError) : null,
      tokensPerSecond: count > 1 && decodeMs > 0 ? ((count - 1) * 1000) / decodeMs : undefined,
      timeToFirstTokenMs: count > 0 ? firstAt - startedAt : undefined,
      durationMs: status === "idle" ? undefined : lastPublished - startedAt,
    };
    for (const listener of listeners) listener();
  };

  const schedule = () => {
    cancelFrame ??= onNextFrame(() => {
      cancelFrame = undefined;
      // Frames come faster than throttleMs on fast displays (and in happy-dom): skip those.
      if (now() - lastPublished < (options.throttleMs ?? 20) - 1) schedule();
      else publish();
    });
  };

  /** Ends the running stream (if any) with `next`; `clear` forgets what arrived. */
  const end = (next: StreamStatus, error?: unknown, clear?: boolean) => {
    controller?.abort();
    controller = undefined;
    status = next;
    if (clear) parts = [];
    if (next !== "streaming") publish(error);
  };

  const store: StreamStore = {
    setOptions(next) {
      options = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    async run(send) {
      // Read as the stream starts: an options change mid-stream applies to the next one.
      const format = options.format ?? "auto";
      end("streaming", null, true);
      const own = new AbortController();
      controller = own;
      // This stream's own pieces, kept when a newer one takes the store's place.
      const mine = parts;
      let thrown: unknown;
      startedAt = now();
      // Published with the first pieces, in one render, unless none come within a frame.
      schedule();
      try {
        const output = await send(own.signal, () => {
          if (controller === own) startedAt = now();
        });
        for await (const piece of readPieces(format, output)) {
          if (controller !== own) break;
          lastAt = now();
          if (mine.length === 0) firstAt = lastAt;
          mine.push(piece);
          options.onToken?.(piece);
          schedule();
        }
      } catch (error) {
        thrown = error;
      }
      const ended: StreamResult["status"] =
        own.signal.aborted || isAbort(thrown) ? "aborted" : thrown ? "error" : "success";
      const failure = ended === "error" ? (thrown as SageMakerError) : null;
      if (controller === own) end(ended, failure);
      const result = endStream(mine, ended, failure);
      // Queued rather than called: what a callback throws is reported as uncaught (as from an
      // event listener), and `start()` still resolves (they run before its caller resumes).
      const { onError, onFinish } = options;
      if (failure) queueMicrotask(() => onError?.(failure));
      queueMicrotask(() => onFinish?.(result));
      return result;
    },
    abort() {
      if (controller) end("aborted");
    },
    reset() {
      end("idle", null, true);
    },
  };
  store.reset();
  return store;
}

const now = () => performance.now();

/** `requestAnimationFrame`, looked up when called (there is none on a server). */
function onNextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === "function") {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}
