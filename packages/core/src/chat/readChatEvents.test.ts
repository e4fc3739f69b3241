import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, partsOf } from "../../test/harness/payloadParts";
import { readTokens } from "../stream/readTokens";
import { CHAT_STREAMS } from "./__fixtures__/chatStreams";
import { ChatStreamError } from "./ChatStreamError";
import { readChatEvents } from "./readChatEvents";
import type { ChatEvent, ChatStreamFormat } from "./types";

const eventsOf = (text: string, sizes: number[], format?: ChatStreamFormat) =>
  collect(readChatEvents(partsOf(text, sizes), { format }));

const CUTS: [string, number[]][] = [
  ["1-byte", [1]],
  ["odd", [3, 1, 7, 5]],
  ["whole", [1 << 20]],
];

describe.each(Object.entries(CHAT_STREAMS))("readChatEvents: %s", (_name, fixture) => {
  it.each(CUTS)("gives the container's events, parts cut %s", async (_label, sizes) => {
    expect(await eventsOf(fixture.text, sizes)).toEqual(fixture.events);
  });

  it("gives the same events for any cutting (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          expect(await eventsOf(fixture.text, sizes)).toEqual(fixture.events);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("gives the same events when told the format it detected", async () => {
    const start = fixture.events[0] as Extract<ChatEvent, { type: "start" }>;
    expect(await eventsOf(fixture.text, [5], start.format)).toEqual(fixture.events);
  });
});

describe("readChatEvents: what is not a chat stream", () => {
  it.each([
    ["an empty stream", ""],
    ["only keep-alives", ": ping\n\n\r\n"],
    ["plain text", "Hello, world\n"],
    ["JSON of another shape", '{"predictions":[0.2,0.8]}\n'],
    ["a CSV answer", "0.2,0.8\n"],
  ])("%s is a typed error", async (_label, text) => {
    const error = await eventsOf(text, [3]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatStreamError);
    expect(error).toMatchObject({ name: "ChatStreamError", fault: "unknownFormat" });
    if (text.length > 8) expect((error as Error).message).not.toContain(text.trim());
  });

  it("a broken line after the stream started is a typed error", async () => {
    const text = `${'{"token":{"id":1,"text":"a"}}\n'}{"token":{"id":2,"te\n`;
    await expect(eventsOf(text, [4])).rejects.toMatchObject({ fault: "malformed" });
  });

  it("an error before any event is an error and a finish", async () => {
    expect(
      await eventsOf('data:{"error":"Input validation error","error_type":"validation"}\n\n', [2]),
    ).toEqual([
      { type: "error", message: "Input validation error" },
      { type: "finish", reason: "error", rawReason: "error" },
    ]);
  });

  it("stops reading the parts at [DONE]", async () => {
    let pulled = 0;
    async function* counted() {
      for await (const part of partsOf(CHAT_STREAMS.vllmSse?.text ?? "", [1 << 20])) {
        pulled++;
        yield part;
      }
      yield { PayloadPart: { Bytes: new TextEncoder().encode("never") } };
      pulled++;
    }
    await collect(readChatEvents(counted()));
    expect(pulled).toBe(1);
  });

  it("reads bytes, and a fetch Response body, as well as PayloadParts", async () => {
    const fixture = CHAT_STREAMS.tgiMessages;
    const body = () => new Response(fixture?.text).body as ReadableStream<Uint8Array>;
    const bytes = async function* () {
      const reader = body().getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
    };
    expect(await collect(readChatEvents(bytes()))).toEqual(fixture?.events);
    expect(await collect(readChatEvents(body()))).toEqual(fixture?.events);
  });

  it("cancels a Response body it stops reading at [DONE]", async () => {
    let cancelled = false;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CHAT_STREAMS.vllmSse?.text ?? ""));
      },
      cancel() {
        cancelled = true;
      },
    });
    const events = await collect(readChatEvents(body));
    expect(events.at(-1)).toMatchObject({ type: "finish", reason: "stop" });
    expect(cancelled).toBe(true);
  });
});

describe("readTokens over readChatEvents", () => {
  it("gives the text pieces of every format", async () => {
    for (const fixture of Object.values(CHAT_STREAMS)) {
      const texts = fixture.events.flatMap((e) => (e.type === "text-delta" ? [e.text] : []));
      const failed = fixture.events.some((e) => e.type === "error");
      const read = collect(readTokens(partsOf(fixture.text, [3])));
      if (failed)
        await expect(read).rejects.toMatchObject({ name: "ChatStreamError", fault: "modelError" });
      else expect(await read).toEqual(texts);
    }
  });
});
