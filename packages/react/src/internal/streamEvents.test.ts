import { ModelStreamError } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../streamTypes";
import { endStream } from "./streamEvents";

const delta = (text: string) => ({ type: "text-delta", text }) as const;
/** What a reader of text gives: its pieces as text deltas, no finish. */
const deltas = (pieces: string[]): StreamEvent[] => pieces.map(delta);
const usage = { promptTokens: 3, completionTokens: 2, totalTokens: 5 };

describe("endStream", () => {
  it("a clean end: the pieces as text deltas, then finish stop, no usage", () => {
    expect(endStream(["a", "b"], deltas(["a", "b"]), undefined, "success", null)).toEqual({
      text: "ab",
      events: [delta("a"), delta("b"), { type: "finish", reason: "stop" }],
      finishReason: "stop",
      status: "success",
      error: null,
    });
  });

  it("an aborted stream finishes with abort, keeping what arrived", () => {
    const ended = endStream(["a"], deltas(["a"]), undefined, "aborted", null);
    expect(ended).toMatchObject({ text: "a", finishReason: "abort" });
    expect(ended.usage).toBeUndefined();
    expect(ended.events).toEqual([delta("a"), { type: "finish", reason: "abort" }]);
  });

  it("a failed stream: an error event with the error's message, then finish error", () => {
    const error = new ModelStreamError({ message: "CUDA out of memory", $metadata: {} });
    const failed = endStream(["a"], deltas(["a"]), undefined, "error", error);
    expect(failed).toMatchObject({ finishReason: "error", status: "error", error });
    expect(failed.events).toEqual([
      delta("a"),
      { type: "error", message: "CUDA out of memory" },
      { type: "finish", reason: "error" },
    ]);
  });

  it("the container's finish closes the events of a stream that ended well, with its usage", () => {
    const finish = { type: "finish", reason: "length", rawReason: "length", usage } as const;
    const events: StreamEvent[] = [{ type: "start", format: "sse-chat" }, delta("a")];
    const ended = endStream(["a"], events.slice(), finish, "success", null);
    expect(ended).toMatchObject({ text: "a", finishReason: "length", usage });
    expect(ended.events).toEqual([...events, finish]);
  });

  it("a stream cancelled or failed after the container's finish ends as abort or error", () => {
    const finish = { type: "finish", reason: "stop", usage } as const;
    const aborted = endStream(["a"], deltas(["a"]), finish, "aborted", null);
    expect(aborted.events.at(-1)).toEqual({ type: "finish", reason: "abort" });
    expect(aborted.usage).toBeUndefined();
    const failed = endStream(
      ["a"],
      deltas(["a"]),
      finish,
      "error",
      new TypeError("Failed to fetch"),
    );
    expect(failed.events.slice(-2)).toEqual([
      { type: "error", message: "Failed to fetch" },
      { type: "finish", reason: "error" },
    ]);
  });
});
