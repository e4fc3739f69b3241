// Property tests of the stream readers: the same text, lines and server-sent events however the
// parts cut the bytes (inside a UTF-8 character, between `\r` and `\n`), checked against simple
// reference readers of the whole text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResponseStreamEvent } from "../../src/index";
import { readLines } from "../../src/stream/readLines";
import { readSseData } from "../../src/stream/readSseData";
import { readTextChunks } from "../../src/stream/readTextChunks";
import { chunk, chunkSizes, RUNS } from "./arbitraries";

const utf8 = new TextEncoder();

async function* parts(bytes: Uint8Array, sizes: number[]): AsyncGenerator<ResponseStreamEvent> {
  for (const piece of chunk(bytes, sizes)) yield { PayloadPart: { Bytes: piece } };
}
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Lines as readLines promises them: ended by `\n` or `\r\n`, a last one without. */
function referenceLines(text: string): string[] {
  const pieces = text.split("\n");
  const last = pieces.pop() as string;
  const lines = pieces.map((line) => line.replace(/\r$/, ""));
  if (last) lines.push(last.replace(/\r$/, ""));
  return lines;
}

/**
 * Server-sent events' data as the WHATWG parser gives it (fields `name: value` or `name` alone,
 * comments, a blank line ends an event), with two additions of readSseData's: an event left
 * open at the end still counts, and `data: [DONE]` ends the stream.
 */
function referenceSse(text: string): string[] {
  const out: string[] = [];
  let data: string[] = [];
  for (const line of referenceLines(text)) {
    if (line === "") {
      if (data.length === 0) continue;
      const value = data.join("\n");
      data = [];
      if (value === "[DONE]") return out;
      out.push(value);
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") data.push(value);
  }
  if (data.length > 0 && data.join("\n") !== "[DONE]") out.push(data.join("\n"));
  return out;
}

/** Text without line breaks, any Unicode. */
const lineText = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .map((t) => t.replace(/[\r\n]/g, ""));
const newline = fc.constantFrom("\n", "\r\n");

const sseLine: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom("data:", "data: ", "data:  "), lineText)
      .map(([f, v]) => f + v),
  },
  { weight: 1, arbitrary: fc.constant("data") },
  { weight: 1, arbitrary: fc.constant("data: [DONE]") },
  { weight: 1, arbitrary: lineText.map((t) => `:${t}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("event", "id", "retry", "dat", "data2"), lineText)
      .map(([f, v]) => `${f}: ${v}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("event", "id") },
);
const sseStream = fc
  .array(fc.tuple(fc.array(fc.tuple(sseLine, newline), { maxLength: 4 }), newline), {
    maxLength: 6,
  })
  .chain((events) =>
    fc.boolean().map((closed) => {
      const text = events
        .map(([lines, end]) => lines.map(([l, n]) => l + n).join("") + end)
        .join("");
      // Sometimes the last event is left open (no blank line after it).
      return closed ? text : text.replace(/(\r?\n)$/, "");
    }),
  );

describe("stream readers, property-based", () => {
  it("readTextChunks: the text a TextDecoder gives for the whole bytes, any bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 80 }).map((t) => utf8.encode(t)),
          fc.uint8Array({ maxLength: 80 }),
        ),
        chunkSizes,
        async (bytes, sizes) => {
          const text = (await collect(readTextChunks(parts(bytes, sizes)))).join("");
          expect(text).toBe(new TextDecoder().decode(bytes));
        },
      ),
      RUNS,
    );
  });

  it("readLines: each line once and whole, cut anywhere, `\\r\\n` split included", async () => {
    const text = fc
      .array(fc.oneof(lineText, fc.constantFrom("\n", "\r\n", "\r", "\r\r\n")), { maxLength: 20 })
      .map((pieces) => pieces.join(""));
    await fc.assert(
      fc.asyncProperty(text, chunkSizes, async (value, sizes) => {
        const lines = await collect(readLines(parts(utf8.encode(value), sizes)));
        expect(lines).toEqual(referenceLines(value));
      }),
      RUNS,
    );
  });

  it("readSseData: each event's data, as the SSE parsing rules give it, cut anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(sseStream, chunkSizes, async (value, sizes) => {
        const events = await collect(readSseData(parts(utf8.encode(value), sizes)));
        expect(events).toEqual(referenceSse(value));
      }),
      RUNS,
    );
  });
});
