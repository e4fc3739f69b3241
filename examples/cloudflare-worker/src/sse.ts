export const SSE_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** What a failed stream tells the browser: an error's name and a message safe to show. */
export interface StreamError {
  name: string;
  message: string;
}

const encoder = new TextEncoder();

/** One server-sent event; `data` is sent as JSON, so newlines in it stay escaped. */
export function sseEvent(data: unknown, event?: string): Uint8Array {
  const type = event === undefined ? "" : `event: ${event}\n`;
  return encoder.encode(`${type}data: ${JSON.stringify(data)}\n\n`);
}

/**
 * The tokens as server-sent events: `data: {"token": "..."}` for each, then `event: done`, or
 * `event: error` with `describe(error)` if the tokens fail. Pull-based: the next token is asked
 * for only when the browser has taken the last one, so a slow reader holds the model back.
 * When the browser goes away (the body is cancelled), `abort` fires and the tokens are closed,
 * which cancels the request to SageMaker.
 */
export function sseFromTokens(
  tokens: AsyncGenerator<string, void, undefined>,
  abort: AbortController,
  describe: (error: unknown) => StreamError,
): ReadableStream<Uint8Array> {
  let count = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await tokens.next();
          if (next.done) {
            controller.enqueue(sseEvent({ tokens: count }, "done"));
            controller.close();
            return;
          }
          count++;
          controller.enqueue(sseEvent({ token: next.value }));
        } catch (error) {
          // The browser went away: nobody is left to tell.
          if (abort.signal.aborted) {
            closeQuietly(controller);
            return;
          }
          controller.enqueue(sseEvent(describe(error), "error"));
          controller.close();
        }
      },
      cancel(reason) {
        abort.abort(reason);
        tokens.return().catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

/** Closes a stream that may have been cancelled already (closing it again would throw). */
function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    controller.close();
  } catch {
    // Already closed by the cancellation.
  }
}
