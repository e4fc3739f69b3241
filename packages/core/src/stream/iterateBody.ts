import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";

/** A response stream's events, bytes, or a fetch `Response.body`. */
export type ChatBody = AsyncIterable<ResponseStreamEvent | Uint8Array> | ReadableStream<Uint8Array>;

/**
 * The body as an async iterable. A `ReadableStream` is read with its reader (not every runtime's
 * types, nor every runtime, make it async-iterable); stopping early cancels it.
 */
export function iterateBody(body: ChatBody): AsyncIterable<ResponseStreamEvent | Uint8Array> {
  if (!("getReader" in body)) return body;
  return (async function* () {
    const reader = body.getReader();
    let done = false;
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
      done = true;
    } finally {
      if (!done) await reader.cancel();
      reader.releaseLock();
    }
  })();
}
