// Chat-event parsing: a 10,000-token answer in each container format, arriving as PayloadParts
// of one token event each (as the containers send them), read by readChatEvents into typed
// events, against a straightforward reader that splits the text on newlines and JSON.parses
// each line (no format detection, no tool calls, finish or usage, no typed errors).
import { readChatEvents } from "@sagefetch/core";
import { isMain, summarize } from "./lib/stats.mjs";

const TOKENS = 10_000;
const word = (i) => ` w${i % 997}`;
const chunk = (delta, finish = null) => ({
  id: "chatcmpl-bench",
  object: "chat.completion.chunk",
  created: 1_764_921_600,
  model: "bench/llama",
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
});
const token = (i, spelling) => ({ token: { id: [i], text: word(i), [spelling]: -0.25 } });

/** One line (or SSE event) per token, and the format's ending. */
const FORMATS = {
  "sse-tokens": () => [
    ...Array.from(
      { length: TOKENS },
      (_, i) =>
        `data:${JSON.stringify({ index: i, ...token(i, "logprob"), generated_text: null, details: null })}\n\n`,
    ),
  ],
  "sse-chat": () => [
    ...Array.from(
      { length: TOKENS },
      (_, i) => `data: ${JSON.stringify(chunk({ content: word(i) }))}\n\n`,
    ),
    `data: ${JSON.stringify(chunk({}, "stop"))}\n\n`,
    "data: [DONE]\n\n",
  ],
  "jsonl-tokens": () =>
    Array.from({ length: TOKENS }, (_, i) => `${JSON.stringify(token(i, "log_prob"))}\n`),
  "jsonl-chat": () => [
    ...Array.from({ length: TOKENS }, (_, i) => `${JSON.stringify(chunk({ content: word(i) }))}\n`),
    `${JSON.stringify(chunk({}, "stop"))}\n`,
  ],
};

const encoder = new TextEncoder();
const partsOf = (lines) => lines.map((line) => ({ PayloadPart: { Bytes: encoder.encode(line) } }));
async function* replay(parts) {
  for (const part of parts) yield part;
}

/** The baseline: decode, split on newlines, strip `data:`, JSON.parse, take the text. */
async function* splitAndParse(body) {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const event of body) {
    pending += decoder.decode(event.PayloadPart.Bytes, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const raw of lines) {
      const line = raw.startsWith("data:") ? raw.slice(5).trim() : raw.trim();
      if (line === "" || line === "[DONE]") continue;
      const value = JSON.parse(line);
      const text = value.token?.text ?? value.choices?.[0]?.delta?.content;
      if (text) yield text;
    }
  }
}

async function countReadChatEvents(parts) {
  let n = 0;
  for await (const event of readChatEvents(replay(parts))) if (event.type === "text-delta") n++;
  return n;
}
async function countBaseline(parts) {
  let n = 0;
  for await (const _text of splitAndParse(replay(parts))) n++;
  return n;
}

export async function measureChatEvents(rounds = 15) {
  const results = {};
  for (const [format, make] of Object.entries(FORMATS)) {
    const parts = partsOf(make());
    const runs = { readChatEvents: countReadChatEvents, "split and JSON.parse": countBaseline };
    const samples = { readChatEvents: [], "split and JSON.parse": [] };
    for (const run of Object.values(runs)) {
      const n = await run(parts); // warm up, and check
      if (n !== TOKENS) throw new Error(`${format}: ${n} of ${TOKENS} tokens`);
    }
    for (let r = 0; r < rounds; r++) {
      for (const [name, run] of r % 2 ? Object.entries(runs).reverse() : Object.entries(runs)) {
        const start = performance.now();
        await run(parts);
        samples[name].push(TOKENS / ((performance.now() - start) / 1000));
      }
    }
    results[format] = Object.fromEntries(
      Object.entries(samples).map(([name, perSecond]) => [
        name,
        { ...summarize(perSecond), rounds },
      ]),
    );
  }
  return results;
}

if (isMain(import.meta.url)) {
  for (const [format, r] of Object.entries(await measureChatEvents())) {
    const ours = r.readChatEvents.median;
    const base = r["split and JSON.parse"].median;
    console.log(
      `${format}: readChatEvents ${(ours / 1000).toFixed(0)}k tokens/s, split and JSON.parse ${(base / 1000).toFixed(0)}k tokens/s (${(ours / base).toFixed(2)}×)`,
    );
  }
}
