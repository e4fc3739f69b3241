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
