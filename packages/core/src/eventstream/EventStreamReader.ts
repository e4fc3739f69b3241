import { AbortError, TimeoutError } from "../errors/clientErrors";
import { raceAbort } from "../internal/raceAbort";
import { EventStreamDecoder, type EventStreamMessage } from "./EventStreamDecoder";

export interface EventStreamReaderOptions {
  /** The caller's signal: aborting it cancels the request. */
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
  private queue: EventStreamMessage[] = [];
  private done = false;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly options: EventStreamReaderOptions,
  ) {
    this.reader = body.getReader();
  }

  /** The next message, or `undefined` at the end of the stream. */
  async next(): Promise<EventStreamMessage | undefined> {
    while (this.queue.length === 0 && !this.done) {
      // Corrupt bytes came after the parts already given: fail now, without waiting on the network.
      if (this.decoder.failed) this.decoder.end();
      const { done, value } = await this.read();
      if (done) {
        this.done = true;
        this.decoder.end();
      } else {
        this.queue = this.decoder.push(value);
      }
    }
    return this.queue.shift();
  }

  /** Stops reading and cancels the request; safe to call more than once. */
  cancel(reason?: unknown): void {
    this.done = true;
    this.queue = [];
    this.reader.cancel(reason).catch(() => {});
  }

  private async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const { signal, idleTimeoutMs, describe } = this.options;
    const guard = new AbortController();
    const onAbort = () => guard.abort(new AbortError(`${describe} was aborted.`, signal?.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer =
      idleTimeoutMs > 0
        ? setTimeout(
            () =>
              guard.abort(
                new TimeoutError(
                  `${describe}: the response stream sent nothing for ${idleTimeoutMs} ms (requestTimeout).`,
                  idleTimeoutMs,
                ),
              ),
            idleTimeoutMs,
          )
        : undefined;
    try {
      if (signal?.aborted) onAbort();
      return await raceAbort(this.reader.read(), guard.signal);
    } catch (error) {
      this.cancel(error);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}
