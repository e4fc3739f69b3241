import { ModelStreamError } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import { endStream } from "./streamEvents";

const delta = (text: string) => ({ type: "text-delta", text });

describe("endStream", () => {
  it("a clean end: the pieces as text deltas, then finish stop, no usage", () => {
    expect(endStream(["a", "b"], "success", null)).toEqual({
      text: "ab",
      events: [delta("a"), delta("b"), { type: "finish", reason: "stop" }],
      finishReason: "stop",
      status: "success",
      error: null,
    });
  });

  it("an aborted stream finishes with abort, keeping what arrived", () => {
    const ended = endStream(["a"], "aborted", null);
    expect(ended).toMatchObject({ text: "a", finishReason: "abort" });
    expect(ended.usage).toBeUndefined();
    expect(ended.events).toEqual([delta("a"), { type: "finish", reason: "abort" }]);
  });

  it("a failed stream: an error event, then finish error", () => {
    const error = new ModelStreamError({ message: "CUDA out of memory", $metadata: {} });
    const failed = endStream(["a"], "error", error);
    expect(failed).toMatchObject({ finishReason: "error", status: "error", error });
    expect(failed.events).toEqual([
      delta("a"),
      { type: "error", error },
      { type: "finish", reason: "error" },
    ]);
  });
});
