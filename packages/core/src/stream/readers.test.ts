import { describe, expect, it } from "vitest";
import { collect, partsOf } from "../../test/harness/payloadParts";
import { readLines } from "./readLines";
import { readSseData } from "./readSseData";
import { readTextChunks } from "./readTextChunks";
import { extractTokenText, readTokens } from "./readTokens";

const CUTS = [[1], [2, 3], [5, 1, 7], [64], [100_000]];

// Recorded shapes of what the containers stream.
const TGI =
  'data:{"token":{"id":415,"text":" The","logprob":-0.5,"special":false},"generated_text":null,"details":null}\n\n' +
  'data:{"token":{"id":2936,"text":" café ☕","logprob":-0.1,"special":false},"generated_text":null,"details":null}\n\n' +
  'data:{"token":{"id":2,"text":"</s>","logprob":0,"special":true},"generated_text":" The café ☕","details":null}\n\n';
const VLLM =
  'data: {"id":"cmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n' +
  'data: {"id":"cmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Bonjour"}}]}\n\n' +
  'data: {"id":"cmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" à tous 👋"}}]}\n\n' +
  "data: [DONE]\n\n";
const LMI =
  '{"token":{"id":[1],"text":"日本","log_prob":-0.3}}\n{"token":{"id":[2],"text":"語","log_prob":-0.2}}\n';

describe.each(CUTS)("stream readers, parts cut every %j bytes", (...sizes) => {
  it("readTextChunks decodes UTF-8 across parts", async () => {
    const text = "héllo 日本語 👋 done";
    expect((await collect(readTextChunks(partsOf(text, sizes)))).join("")).toBe(text);
  });

  it("readLines gives each line once, whole, without its newline", async () => {
    expect(await collect(readLines(partsOf('{"a":1}\r\n{"b":"ü"}\n\n{"c":3}', sizes)))).toEqual([
      '{"a":1}',
      '{"b":"ü"}',
      "",
      '{"c":3}',
    ]);
  });

  it("readSseData gives each event's data and stops at [DONE]", async () => {
    const events = await collect(
      readSseData(
        partsOf(`: comment\nevent: x\ndata: one\ndata: two\n\n${VLLM}data: after\n\n`, sizes),
      ),
    );
    expect(events[0]).toBe("one\ntwo");
    expect(events).toHaveLength(4);
    expect(JSON.parse(events[3] as string).choices[0].delta.content).toBe(" à tous 👋");
  });

  it.each([
    ["TGI", TGI, [" The", " café ☕"]],
    ["vLLM / OpenAI chat", VLLM, ["Bonjour", " à tous 👋"]],
    ["LMI JSON lines", LMI, ["日本", "語"]],
  ])("readTokens reads %s", async (_name, stream, tokens) => {
    expect(await collect(readTokens(partsOf(stream, sizes)))).toEqual(tokens);
  });
});

describe("readSseData: fields without a value", () => {
  // Found by test/fuzz/lineSplitters.fuzz.test.ts: a bare `data` line was skipped, so an event
  // made of it alone (empty data, per the SSE parsing rules) was lost.
  it.each([
    ["data\n\n", [""]],
    ["data\ndata: x\n\n", ["\nx"]],
    ["data: a\ndata\n\n", ["a\n"]],
  ])("%j gives %j", async (text, events) => {
    expect(await collect(readSseData(partsOf(text, [3])))).toEqual(events);
  });
});

describe("extractTokenText", () => {
  it.each([
    [{ token: { text: "hi", special: false } }, "hi"],
    [{ token: { text: "</s>", special: true } }, ""],
    [{ choices: [{ delta: { content: "yo" } }] }, "yo"],
    [{ choices: [{ text: "completion" }] }, "completion"],
    [{ generated_text: "whole" }, "whole"],
    [{ outputs: ["first"] }, "first"],
    [{ unrelated: true }, undefined],
    [null, undefined],
  ])("%j → %j", (event, text) => {
    expect(extractTokenText(event)).toBe(text);
  });

  it("a whole answer alone is read as one token", async () => {
    expect(
      await collect(readTokens(partsOf('data: {"generated_text":"all at once"}\n\n', [4]))),
    ).toEqual(["all at once"]);
  });
});
