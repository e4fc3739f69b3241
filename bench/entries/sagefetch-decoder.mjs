// The event-stream decoder alone: ours.
import { EventStreamDecoder } from "@sagefetch/core";

export async function* decode(chunks) {
  const decoder = new EventStreamDecoder();
  for await (const chunk of chunks) yield* decoder.push(chunk);
  decoder.end();
}
