import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readTextChunks } from "./readTextChunks";

/**
 * The parts as lines (JSON Lines, SSE), whole however the parts cut them: each line once, at
 * the part where it ends, without its `\n` or `\r\n`. A last line without a newline comes at
 * the end.
 */
export async function* readLines(
  body: AsyncIterable<ResponseStreamEvent | Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  let pending = "";
  for await (const text of readTextChunks(body)) {
    pending += text;
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      yield pending.slice(0, newline).replace(/\r$/, "");
      pending = pending.slice(newline + 1);
      newline = pending.indexOf("\n");
    }
  }
  if (pending) yield pending.replace(/\r$/, "");
}
