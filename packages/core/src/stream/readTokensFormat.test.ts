// Issue: readTokens on a stream in no token format gave nothing, which a page showed as an
// empty success.
import { describe, expect, it } from "vitest";
import { ChatStreamError } from "../chat/ChatStreamError";
import type { ResponseStreamEvent } from "../eventstream/toStreamEvent";
import { readTokens } from "./readTokens";

async function* stream(...parts: string[]): AsyncGenerator<ResponseStreamEvent> {
  for (const part of parts) yield { PayloadPart: { Bytes: new TextEncoder().encode(part) } };
}
async function read(body: AsyncIterable<ResponseStreamEvent>) {
  const tokens: string[] = [];
  try {
    for await (const token of readTokens(body)) tokens.push(token);
  } catch (error) {
    return { tokens, error };
  }
  return { tokens, error: undefined };
}

describe("readTokens on a stream that is not tokens", () => {
  it("plain text: a ChatStreamError at its first line, before reading on", async () => {
    let pulled = 0;
    async function* text() {
      for (const part of ["Once upon a time\n", "there was\n", "a model\n"]) {
        pulled++;
        yield { PayloadPart: { Bytes: new TextEncoder().encode(part) } };
      }
    }
    const { tokens, error } = await read(text());
    expect(tokens).toEqual([]);
    expect(error).toBeInstanceOf(ChatStreamError);
    expect((error as Error).message).not.toContain("Once upon");
    expect(pulled).toBe(1);
  });

  it("JSON of no known shape: a ChatStreamError when it ends", async () => {
    const { error } = await read(stream('{"embedding":[0.1,0.2]}\n', '{"embedding":[0.3]}\n'));
    expect(error).toBeInstanceOf(ChatStreamError);
  });

  it("SSE of no known shape, too", async () => {
    const { error } = await read(stream('event: ping\ndata: {"status":"ok"}\n\n'));
    expect(error).toBeInstanceOf(ChatStreamError);
  });
});

describe("readTokens on a stream with no data at all", () => {
  it.each([
    ["an empty stream", ""],
    ["only blank lines and comments", "\n: keep-alive\n\n"],
  ])("%s: a ChatStreamError, not an empty answer", async (_name, text) => {
    const { tokens, error } = await read(stream(text));
    expect(tokens).toEqual([]);
    expect(error).toMatchObject({ name: "ChatStreamError", fault: "unknownFormat" });
  });
});

describe("readTokens on token streams stays as it was", () => {
  it.each([
    ["TGI SSE", 'data: {"token":{"text":"Hi"}}\n\ndata: {"generated_text":"Hi"}\n\n', ["Hi"]],
    [
      "OpenAI chat SSE, with usage and [DONE]",
      'event: message\ndata: {"choices":[{"delta":{"content":"a"}}]}\n\ndata: {"choices":[],"usage":{}}\n\ndata: [DONE]\n\n',
      ["a"],
    ],
    ["an empty answer", '{"generated_text":""}\n', []],
  ])("%s", async (_name, text, expected) => {
    const { tokens, error } = await read(stream(text));
    expect(error).toBeUndefined();
    expect(tokens).toEqual(expected);
  });
});
