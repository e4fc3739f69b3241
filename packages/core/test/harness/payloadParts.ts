import type { ResponseStreamEvent } from "../../src/eventstream/toStreamEvent";

/**
 * The text as a stream of PayloadParts, cut at the given byte sizes (cycled), anywhere, even
 * inside a character.
 */
export async function* partsOf(text: string, sizes: number[]): AsyncGenerator<ResponseStreamEvent> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    yield { PayloadPart: { Bytes: bytes.slice(at, at + size) } };
    at += size;
  }
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
