import { ChatStreamError } from "@sagefetch/core";
import { setupMockService } from "@sagefetch/testing/startMock";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useInvokeEndpointStream } from "../../src/index";
import {
  cutAt,
  LMI_FAILURE,
  lmiFailing,
  vllmWithUsage,
  weatherCall,
} from "../harness/chatContainers";
import { mockOptions } from "../harness/endpoints";
import { providerFor } from "../harness/wrapper";

const service = setupMockService(mockOptions);

/** A stream hook in a provider on the mock, and the tokens its onToken heard. */
function streamHook() {
  const tokens: string[] = [];
  const { result } = renderHook(
    () => useInvokeEndpointStream({ onToken: (token) => tokens.push(token) }),
    { wrapper: providerFor(service.client()) },
  );
  return { result, tokens };
}

describe("in Chromium, the demo chat containers' streams through MSW's service worker", () => {
  it("tgi and vllm cut at the max tokens end with length", async () => {
    const { result, tokens } = streamHook();
    for (const family of ["tgi", "vllm"]) {
      const ended = await act(() => result.current.start(cutAt(family, "one two three", 2)));
      expect(ended).toMatchObject({ status: "success", finishReason: "length", text: "Turn 1:" });
      expect(ended.events.at(-1)).toMatchObject({ type: "finish", reason: "length" });
    }
    expect(tokens).toEqual(["Turn", " 1:", "Turn", " 1:"]);
  });

  it("vllm's usage with stream_options.include_usage", async () => {
    const { result, tokens } = streamHook();
    const ended = await act(() => result.current.start(vllmWithUsage("Hello there")));
    expect(ended).toMatchObject({ status: "success", finishReason: "stop" });
    expect(ended.usage).toEqual({
      promptTokens: 2,
      completionTokens: tokens.length,
      totalTokens: 2 + tokens.length,
    });
    expect(tokens.join("")).toBe('Turn 1: you said "Hello there".');
  });

  it("a tool call: tool-calls, with its tool-call-delta events", async () => {
    const { result, tokens } = streamHook();
    const ended = await act(() => result.current.start(weatherCall("vllm", "Oslo")));
    expect(ended).toMatchObject({ status: "success", finishReason: "tool-calls", text: "" });
    const pieces = ended.events.filter((event) => event.type === "tool-call-delta");
    expect(pieces[0]).toMatchObject({ index: 0, id: "call_oslo_1", name: "get_weather" });
    expect(pieces.map((piece) => piece.argumentsDelta).join("")).toBe('{"city":"Oslo"}');
    expect(tokens).toEqual([]);
  });

  it("LMI's in-band error: error, with the container's message", async () => {
    const { result } = streamHook();
    const ended = await act(() => result.current.start(lmiFailing()));
    expect(ended).toMatchObject({ status: "error", finishReason: "error", text: "Turn" });
    expect(ended.error).toBeInstanceOf(ChatStreamError);
    expect(ended.error?.message).toBe(LMI_FAILURE);
    expect(ended.events.slice(-2)).toEqual([
      { type: "error", message: LMI_FAILURE },
      { type: "finish", reason: "error" },
    ]);
    expect(result.current).toMatchObject({ status: "error", error: ended.error });
  });
});
