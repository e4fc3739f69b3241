import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";

/**
 * The parts as text, UTF-8 decoded across part boundaries: a character cut between two parts
 * comes out whole, in the chunk where it ends.
 */
export async function* readTextChunks(
  body: AsyncIterable<ResponseStreamEvent>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder();
  for await (const event of body) {
    const text = decoder.decode(event.PayloadPart?.Bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
