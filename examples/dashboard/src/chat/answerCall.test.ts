import { describe, expect, it } from "vitest";
import { answerCall, lastPrompt } from "./answerCall";
import type { ChatMessage } from "./answerMetadata";

const user = (id: string, text: string): ChatMessage => ({
  id,
  role: "user",
  parts: [{ type: "text", text }],
});
const answer = (metadata: ChatMessage["metadata"]): ChatMessage => ({
  id: "a2",
  role: "assistant",
  parts: [{ type: "text", text: "Turn 2" }],
  ...(metadata ? { metadata } : {}),
});
const finished = (message: ChatMessage, flags: { isAbort?: boolean; isError?: boolean } = {}) => ({
  message,
  messages: [user("u1", "first"), answer({}), user("u2", "second"), message],
  isAbort: flags.isAbort ?? false,
  isError: flags.isError ?? false,
});

describe("answerCall", () => {
  it("records a finished answer as a stream call with its model, times and prompt", () => {
    const meta = { endpointName: "vllm", startedAt: 5000, durationMs: 640, timeToFirstTokenMs: 90 };
    expect(answerCall(finished(answer(meta)), undefined)).toEqual({
      kind: "stream",
      request: {
        endpointName: "vllm",
        contentType: "application/json",
        body: "second",
        prompt: "second",
      },
      startedAt: 5000,
      durationMs: 640,
      timeToFirstTokenMs: 90,
      outcome: "ok",
    });
  });

  it("an answer with no finish lasts until now; stopped is aborted; failed is its error's name", () => {
    const meta = { endpointName: "lmi", startedAt: 5000 };
    const now = () => 5300;
    const failed = finished(answer(meta), { isError: true });
    expect(answerCall(failed, "ModelStreamError", now)).toMatchObject({
      durationMs: 300,
      outcome: "ModelStreamError",
    });
    expect(answerCall(finished(answer(meta), { isAbort: true }), undefined, now).outcome).toBe(
      "aborted",
    );
    expect(answerCall(finished(answer({}), { isError: true }), undefined, now)).toMatchObject({
      request: { endpointName: "chat" },
      startedAt: 5300,
      durationMs: 0,
      outcome: "Error",
    });
  });
});

describe("lastPrompt", () => {
  it("is the text of the newest user message", () => {
    expect(lastPrompt([user("u1", "first"), answer({}), user("u2", "second")])).toBe("second");
    expect(lastPrompt([])).toBe("");
  });
});
