import { ModelStreamError } from "@sagefetch/core";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../streamTypes";
import { endStream } from "./streamEvents";

const delta = (text: string): StreamEvent => ({ type: "text-delta", text });
const usage = { inputTokens: 12, outputTokens: 2 };

describe("endStream", () => {
  it("a clean end with no finish of the reader's own: stop, no usage", () => {
    const ended = endStream("ab", [delta("a"), delta("b")], "success", null);
    expect(ended).toEqual({
      text: "ab",
      events: [delta("a"), delta("b"), { type: "finish", reason: "stop", usage: undefined }],
      finishReason: "stop",
      usage: undefined,
      status: "success",
      error: null,
    });
  });

  it("keeps a reader's own finish (reason and usage) on a clean end", () => {
    const said: StreamEvent[] = [delta("a"), { type: "finish", reason: "length", usage }];
    const ended = endStream("a", said, "success", null);
    expect(ended).toMatchObject({ finishReason: "length", usage, events: said });
  });

  it("an abort or an error overrides the reason, and closes with exactly one finish", () => {
    const said: StreamEvent[] = [delta("a"), { type: "finish", reason: "stop", usage }];
    expect(endStream("a", said, "aborted", null).events).toEqual([
      delta("a"),
      { type: "finish", reason: "abort", usage },
    ]);
    const error = new ModelStreamError({ message: "CUDA out of memory", $metadata: {} });
    const failed = endStream("a", [delta("a")], "error", error);
    expect(failed).toMatchObject({ finishReason: "error", status: "error", error });
    expect(failed.events).toEqual([
      delta("a"),
      { type: "error", error },
      { type: "finish", reason: "error", usage: undefined },
    ]);
  });
});
