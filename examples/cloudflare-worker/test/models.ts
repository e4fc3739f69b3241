import type { ModelFn } from "@sagefetch/msw";

const sse = (text: string) => `data: ${JSON.stringify({ token: { text, special: false } })}\n\n`;
const EOS = `data: ${JSON.stringify({ token: { text: "</s>", special: true } })}\n\n`;

/**
 * A model that sends two tokens, then waits for the test to `release()` it before the rest:
 * whatever the browser reads before that arrived while the model was still generating.
 */
export function gatedModel() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let finished = false;
  const model: ModelFn = () => ({
    contentType: "text/event-stream",
    stream: (async function* () {
      yield sse("Streams");
      yield sse(" arrive");
      await gate;
      yield sse(" in order.");
      yield EOS;
      finished = true;
    })(),
  });
  return { model, release, finished: () => finished };
}

/** A model that would stream for minutes; `ended` settles with the tokens it made when it stops. */
export function tickerModel(ticks = 100_000) {
  let ended!: (made: number) => void;
  const stopped = new Promise<number>((resolve) => {
    ended = resolve;
  });
  const model: ModelFn = () => ({
    contentType: "text/event-stream",
    stream: (async function* () {
      let made = 0;
      try {
        for (; made < ticks; made++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield sse("tick ");
        }
      } finally {
        ended(made);
      }
    })(),
  });
  return { model, stopped, ticks };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * The server-sent events of a body, one at a time, as they arrive. Returning early (`break`,
 * `return()`) cancels the body, as a browser does when the page goes away.
 */
export async function* readEvents(body: unknown): AsyncGenerator<SseEvent> {
  // (`unknown`: miniflare's Response has Node's stream types, not the DOM's.)
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let pending = "";
  try {
    for (;;) {
      let end = pending.indexOf("\n\n");
      while (end >= 0) {
        const block = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const field = (name: string) =>
          block
            .split("\n")
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        yield { event: field("event") ?? "message", data: JSON.parse(field("data") ?? "null") };
        end = pending.indexOf("\n\n");
      }
      const { done, value } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
