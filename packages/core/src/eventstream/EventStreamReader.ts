import { AbortError, TimeoutError } from "../errors/clientErrors";
import { raceAbort } from "../internal/raceAbort";
import { EventStreamDecoder, type EventStreamMessage } from "./EventStreamDecoder";
import { EventStreamError } from "./EventStreamError";

export interface EventStreamReaderOptions {
  /** The caller's signal: aborting it cancels the request, read or not. */
  signal: AbortSignal | undefined;
  /** Longest wait for the next chunk (0: none); a stalled stream must not hang for ever. */
  idleTimeoutMs: number;
  /** Named in errors. */
  describe: string;
}

/**
 * Reads messages off a fetch body as they arrive: one network chunk at a time, only when the
 * caller asks for the next message (so a slow consumer holds back the network, never makes us
 * buffer), with `getReader()` because Safari cannot async-iterate a `ReadableStream`.
 */
export class EventStreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new EventStreamDecoder();
  /** Fires when the reader fails (abort, stall): a read in progress rejects at once. */
  private readonly failed = new AbortController();
  private queue: EventStreamMessage[] = [];
  private done = false;
  private readonly onAbort: () => void;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly options: EventStreamReaderOptions,
  ) {
    this.reader = body.getReader();
    const { signal, describe } = options;
    // Listens for the reader's whole life, not only during reads: a caller that aborts
    // without iterating (an unmounted view) still closes the connection.
    this.onAbort = () =>
      this.fail(new AbortError({ message: `${describe} was aborted.`, cause: signal?.reason }));
    signal?.addEventListener("abort", this.onAbort, { once: true });
    if (signal?.aborted) this.onAbort();
  }

  /** The next message, or `undefined` at the end of the stream. */
  async next(): Promise<EventStreamMessage | undefined> {
    if (this.failed.signal.aborted) throw this.failed.signal.reason;
    while (this.queue.length === 0 && !this.done) {
      // Corrupt bytes came after the parts already given: fail now, without waiting on the network.
      if (this.decoder.failed) this.decoder.end();
      const { done, value } = await this.read();
      if (done) {
        this.release();
        this.decoder.end();
      } else {
        this.queue = this.decoder.push(value);
      }
    }
    return this.queue.shift();
  }

  /** Stops reading and cancels the request; safe to call more than once. */
  cancel(reason?: unknown): void {
    this.release();
    this.queue = [];
    this.reader.cancel(reason).catch(() => {});
  }

  private fail(error: Error): void {
    if (this.failed.signal.aborted) return;
    this.failed.abort(error);
    this.cancel(error);
  }

  private release(): void {
    this.done = true;
    this.options.signal?.removeEventListener("abort", this.onAbort);
  }

  private async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const { idleTimeoutMs, describe } = this.options;
    const timer =
      idleTimeoutMs > 0
        ? setTimeout(
            () =>
              this.fail(
                new TimeoutError({
                  message: `${describe}: the response stream sent nothing for ${idleTimeoutMs} ms (requestTimeout).`,
                  timeoutMs: idleTimeoutMs,
                }),
              ),
            idleTimeoutMs,
          )
        : undefined;
    try {
      return await raceAbort(this.reader.read(), this.failed.signal);
    } catch (error) {
      // An abort or a timeout is already typed; anything else is the connection breaking
      // (undici's "terminated", a browser's network error): typed too, the cause kept.
      const typed = this.failed.signal.aborted
        ? error
        : new EventStreamError({
            fault: "connection",
            message: `${describe}: the connection broke mid-stream.`,
            cause: error,
          });
      this.cancel(typed);
      throw typed;
    } finally {
      clearTimeout(timer);
    }
  }
}
