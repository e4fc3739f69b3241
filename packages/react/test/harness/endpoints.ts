import {
  createDemoEndpoints,
  demoEndpoints,
  type EndpointDefinition,
  type ModelFn,
  modelStreamError,
} from "@sagefetch/msw";
import { orderedEndpoint } from "@sagefetch/testing/demoEndpoints";
import type { MockOptions } from "@sagefetch/testing/startMock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tgiEvent = (text: string) =>
  `data: ${JSON.stringify({ token: { id: 1, text, special: false }, generated_text: null })}\n\n`;

/** Calls the tests can see in order: the model of `ordered` writes here. */
export const order: string[] = [];

/** Streams `tokens` TGI token events spread evenly over `ms` (one PayloadPart each). */
export async function* firehose(tokens: number, ms: number): AsyncGenerator<string> {
  const start = performance.now();
  for (let i = 0; i < tokens; i++) {
    // Sleeps only when ahead of the schedule: timers are coarser than 0.2 ms.
    const ahead = start + (i * ms) / tokens - performance.now();
    if (ahead >= 4) await sleep(ahead);
    yield tgiEvent(`t${i} `);
  }
}

/** The product's demo endpoints, and models for what the hooks' tests need to see. */
export const endpoints: Record<string, EndpointDefinition> = {
  ...demoEndpoints,
  // Sessions that expire 1–2 s after they open (`Expires=` has whole seconds).
  brief: createDemoEndpoints({ sessionTtlSeconds: 2 }).chat,
  // `{"tokens": n, "ms": t}`: n tokens over t ms, TGI style.
  firehose: (request) => {
    const { tokens = 5000, ms = 1000 } = request.json<{ tokens?: number; ms?: number }>();
    return { contentType: "text/event-stream", stream: firehose(tokens, ms) };
  },
  // Two tokens, then a ModelStreamError.
  "breaks-midway": () => ({
    contentType: "text/event-stream",
    stream: (async function* () {
      yield tgiEvent("Hello");
      yield tgiEvent(" world");
      throw modelStreamError("ModelError", "CUDA out of memory");
    })(),
  }),
  // The demo vLLM container behind stateful sessions: a session's streams end as it says.
  "vllm-session": { model: demoEndpoints.vllm as ModelFn, sessions: { ttlSeconds: 1200 } },
  // A session endpoint whose model records the order calls reach it in.
  ordered: orderedEndpoint(order),
  // Raw bytes back.
  bytes: () => ({ body: new Uint8Array([0, 1, 2, 255]), contentType: "image/png" }),
};

/** How React's tests start the mock: these endpoints, and `order` emptied between tests. */
export const mockOptions: MockOptions = {
  endpoints,
  onReset: () => {
    order.length = 0;
  },
};
