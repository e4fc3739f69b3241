import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";

/**
 * The parts as text, UTF-8 decoded across part boundaries: a character cut between two parts
 * comes out whole, in the chunk where it ends. Takes a response stream's events, or bytes (a
 * fetch `Response.body`).
 */
export async function* readTextChunks(
  body: AsyncIterable<ResponseStreamEvent | Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder();
  for await (const event of body) {
    const bytes = event instanceof Uint8Array ? event : event.PayloadPart?.Bytes;
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
