import { readEventStream } from "@sagefetch/testing/eventStream";
import { describe, expect, it } from "vitest";
import { createDemoEndpoints, demoEndpoints, sageMakerHandlers } from "../index";
import { concatBytes, fromUtf8 } from "../internal/bytes";
import { invoke, STREAM_ACTION, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";
import { tokenId } from "./chat";

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    ...demoEndpoints,
    "slow-short": createDemoEndpoints({ slowMs: 40 }).slow,
    "flaky-3": createDemoEndpoints({ failEvery: 3 }).flaky,
  },
});
serveMock(mock);

const json = { "content-type": "application/json" };
const text = { "content-type": "text/plain" };

async function streamed(name: string, body: string, headers: Record<string, string> = json) {
  const response = await invoke(name, { action: STREAM_ACTION, body, headers });
  const read = await readEventStream(response.body);
  return { response, payloads: read.messages.map((m) => m.payload) };
}

describe("echo", () => {
  it("returns the body as sent, with its content type", async () => {
    const response = await invoke("echo", { body: "héllo", headers: text });
    expect([await response.text(), response.headers.get("content-type")]).toEqual([
      "héllo",
      "text/plain",
    ]);
  });

  it("streams it in three parts, cut at byte offsets", async () => {
    const { payloads } = await streamed("echo", "a€b€c", text);
    expect(payloads.map((p) => p.length)).toEqual([3, 3, 3]);
    expect(fromUtf8(concatBytes(payloads))).toBe("a€b€c");
  });
});

describe("sentiment", () => {
  it.each([
    ["I love it", text, [{ label: "POSITIVE", score: 0.8333 }]],
    ['{"inputs": "I hate this, it is awful"}', json, [{ label: "NEGATIVE", score: 0.875 }]],
    [
      '{"inputs": ["great", "bad"]}',
      json,
      [
        { label: "POSITIVE", score: 0.8333 },
        { label: "NEGATIVE", score: 0.8333 },
      ],
    ],
  ])("%s → %j", async (body, headers, expected) => {
    expect(await (await invoke("sentiment", { body, headers })).json()).toEqual(expected);
  });

  it("answers a malformed request as the container's 400", async () => {
    const response = await invoke("sentiment", { body: '{"text": 1}', headers: json });
    expect([response.status, (await response.json()).OriginalStatusCode]).toEqual([424, 400]);
  });
});

describe("chat", () => {
  const events = (payloads: Uint8Array[]) =>
    payloads.map((p) => {
      const line = fromUtf8(p);
      expect(line).toMatch(/^data: .*\n\n$/);
      return JSON.parse(line.slice(6));
    });

  it("answers InvokeEndpoint with the generated text", async () => {
    const response = await invoke("chat", { body: '{"inputs": "hi"}' });
    expect(await response.json()).toEqual([{ generated_text: 'Turn 1: you said "hi".' }]);
  });

  it("streams one TGI token event per part, then </s> with the generated text", async () => {
    const { response, payloads } = await streamed("chat", '{"inputs": "hi"}');
    expect(response.headers.get("x-amzn-sagemaker-content-type")).toBe("text/event-stream");
    const all = events(payloads);
    expect(all.slice(0, 2)).toEqual([
      { token: { id: tokenId("Turn"), text: "Turn", special: false }, generated_text: null },
      { token: { id: tokenId(" 1:"), text: " 1:", special: false }, generated_text: null },
    ]);
    expect(all.map((e) => e.token.text).join("")).toBe('Turn 1: you said "hi".</s>');
    expect(all.at(-1)).toEqual({
      token: { id: 2, text: "</s>", special: true },
      generated_text: 'Turn 1: you said "hi".',
    });
  });

  it("stops at max_new_tokens, the last token carrying the text", async () => {
    const all = events(
      (await streamed("chat", '{"inputs": "hi", "parameters": {"max_new_tokens": 3}}')).payloads,
    );
    expect(all.map((e) => e.generated_text)).toEqual([null, null, "Turn 1: you"]);
  });

  it("is deterministic", async () => {
    const a = await streamed("chat", "same prompt", text);
    const b = await streamed("chat", "same prompt", text);
    expect(b.payloads).toEqual(a.payloads);
  });

  it("remembers the previous turn in a stateful session", async () => {
    const opened = await invoke("chat", {
      body: '{"requestType":"NEW_SESSION"}',
      headers: { "x-amzn-sagemaker-session-id": "NEW_SESSION" },
    });
    const id = opened.headers.get("x-amzn-sagemaker-new-session-id")?.split(";")[0] ?? "";
    const session = { ...json, "x-amzn-sagemaker-session-id": id };
    await invoke("chat", { body: '{"inputs": "my name is Ada"}', headers: session });
    const all = events((await streamed("chat", '{"inputs": "who am I?"}', session)).payloads);
    expect(all.at(-1).generated_text).toBe(
      'Turn 2: you said "who am I?". Before that you said "my name is Ada".',
    );
  });
});

describe("tabular", () => {
  it("predicts one line per CSV row, as text/csv", async () => {
    const response = await invoke("tabular", {
      body: "1,2,3\n-1,-2,-3\n0,0\n",
      headers: { "content-type": "text/csv" },
    });
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await response.text()).toBe("0.880797\n0.119203\n0.5\n");
  });

  it("refuses what is not numeric CSV", async () => {
    const csv = { "content-type": "text/csv" };
    const bad = await invoke("tabular", { body: "1,abc\n", headers: csv });
    expect((await bad.json()).OriginalMessage).toBe("could not convert string to float: 'abc'");
    const type = await invoke("tabular", { body: "1,2", headers: json });
    expect((await type.json()).OriginalStatusCode).toBe(415);
  });
});

describe("flaky", () => {
  it("fails every other call with a ModelError, starting with the first", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await invoke("flaky")).status);
    expect(statuses).toEqual([424, 200, 424, 200]);
    mock.reset();
    expect((await invoke("flaky")).status).toBe(424);
  });

  it("fails one call in failEvery", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await invoke("flaky-3")).status);
    expect(statuses).toEqual([424, 200, 200, 424]);
  });

  it("refuses a schedule that is not one", () => {
    expect(() => createDemoEndpoints({ failEvery: 0 })).toThrow(RangeError);
  });
});

describe("slow", () => {
  it("answers after its delay, or the delay a request names", async () => {
    let start = performance.now();
    expect(await (await invoke("slow-short")).json()).toEqual({ waitedMs: 40 });
    expect(performance.now() - start).toBeGreaterThanOrEqual(35);
    start = performance.now();
    const named = await invoke("slow", {
      headers: { "x-amzn-sagemaker-custom-attributes": "delay-ms=5" },
    });
    // The model reports the delay it slept: the named one, not its default of 1 s.
    expect(await named.json()).toEqual({ waitedMs: 5 });
  });
});
