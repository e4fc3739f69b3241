import { ChatStreamError, type ResponseStreamEvent, readLines } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { readStreamEvents, readStreamPieces, type StreamOutput } from "./readStream";

const encoder = new TextEncoder();
const output = (ContentType: string, ...parts: string[]): StreamOutput => ({
  ContentType,
  Body: (async function* (): AsyncGenerator<ResponseStreamEvent> {
    for (const part of parts) yield { PayloadPart: { Bytes: encoder.encode(part) } };
  })(),
});
const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const tgi = (text: string) =>
  `data:${JSON.stringify({ token: { id: 1, text, special: false } })}\n\n`;
const lmiError = `${JSON.stringify({ token: { id: [-1], text: "boom", special: true }, details: { finish_reason: "error" } })}\n`;

describe("readStreamEvents", () => {
  it("auto reads an event stream as chat events, the container's finish last", async () => {
    const events = await collect(
      readStreamEvents("auto", output("text/event-stream", tgi("a"), tgi("b"))),
    );
    expect(events[0]).toMatchObject({ type: "start", format: "sse-tokens" });
    expect(events.filter((event) => event.type === "text-delta")).toEqual([
      { type: "text-delta", text: "a" },
      { type: "text-delta", text: "b" },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "finish" });
  });

  it("text (and auto for other types) gives a text delta per piece, and no finish", async () => {
    const raw = await collect(readStreamEvents("auto", output("text/plain", "ab", "c")));
    expect(raw).toEqual([
      { type: "text-delta", text: "ab" },
      { type: "text-delta", text: "c" },
    ]);
    const sse = await collect(readStreamEvents("text", output("text/event-stream", tgi("a"))));
    expect(sse).toEqual([{ type: "text-delta", text: tgi("a") }]);
  });

  it("a reader of one's own: its pieces as text deltas", async () => {
    const lines = await collect(readStreamEvents(readLines, output("text/event-stream", "x\ny\n")));
    expect(lines).toEqual([
      { type: "text-delta", text: "x" },
      { type: "text-delta", text: "y" },
    ]);
  });

  it("an error the container reports is an event, followed by finish error", async () => {
    const events = await collect(
      readStreamEvents("tokens", output("application/jsonlines", lmiError)),
    );
    expect(events.slice(-2)).toEqual([
      { type: "error", message: "boom" },
      expect.objectContaining({ type: "finish", reason: "error" }),
    ]);
  });
});

describe("readStreamPieces", () => {
  it("tokens are the text; an error the container reports is thrown", async () => {
    expect(
      await collect(readStreamPieces("auto", output("text/event-stream", tgi("a"), tgi("b")))),
    ).toEqual(["a", "b"]);
    await expect(
      collect(readStreamPieces("tokens", output("application/jsonlines", lmiError))),
    ).rejects.toBeInstanceOf(ChatStreamError);
  });
});
