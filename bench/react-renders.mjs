// Renders of @sagefetch/react's useInvokeEndpointStream while 5,000 tokens stream in one
// second (TGI-style events, one token per PayloadPart) from the MSW mock, in happy-dom on
// Node with React 19. Frames come from a 60 Hz clock, as on a common display (happy-dom's
// own requestAnimationFrame fires at once). The package's Chromium test asserts the count in
// a real browser: packages/react/test/browser/stream-renders.test.tsx.
//
//   pnpm exec node bench/react-renders.mjs [--json]     (after building the packages)
//
// `measureReactRenders()` (bench/run.mjs calls it) returns the results as a markdown table.
// Everything is loaded as packages/react sees it, so that React, TanStack Query and the
// packages are one copy each (this folder's own dependencies have no react-dom or happy-dom).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const TOKENS = 5000;
const SPREAD_MS = 1000;
const FRAME = 1000 / 60;
const MAX_RENDERS = 60;

const from = createRequire(new URL("../packages/react/package.json", import.meta.url));
const load = (id) => import(pathToFileURL(from.resolve(id)).href);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets up happy-dom and a 60 Hz frame clock as globals; returns what puts them back. */
async function installDom() {
  const { Window } = await load("happy-dom");
  const window = new Window({ url: "http://localhost/" });
  const timers = new Map();
  let lastId = 0;
  const globals = {
    window,
    document: window.document,
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    HTMLIFrameElement: window.HTMLIFrameElement,
    IS_REACT_ACT_ENVIRONMENT: false,
    // Each callback runs at the next 16.67 ms boundary, as a display's vsync would run it.
    requestAnimationFrame(callback) {
      const id = ++lastId;
      const wait = FRAME - (performance.now() % FRAME);
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          callback(performance.now());
        }, wait),
      );
      return id;
    },
    cancelAnimationFrame(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    },
  };
  const saved = Object.keys(globals).map((name) => [
    name,
    Object.getOwnPropertyDescriptor(globalThis, name),
  ]);
  Object.assign(globalThis, globals);
  return async () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete globalThis[name];
    }
    await window.happyDOM.close();
  };
}

/** What runReactRenders loads, for the component below. */
const lib = { React: undefined, useInvokeEndpointStream: undefined };
/** What the component saw: its renders, and the hook's latest value. */
const seen = { renders: 0, hook: undefined };

function Stream({ throttleMs }) {
  seen.renders++;
  seen.hook = lib.useInvokeEndpointStream({ format: "tokens", throttleMs });
  return lib.React.createElement("output", null, seen.hook.text.length);
}

/** A TGI server-sent event for one token. */
const event = (i) =>
  `data: ${JSON.stringify({ token: { id: i, text: `t${i} `, special: false }, generated_text: null })}\n\n`;

/**
 * Streams `TOKENS` tokens over `SPREAD_MS` through the hook, with the default throttle and with
 * none, and returns what each run rendered.
 */
export async function runReactRenders() {
  const restore = await installDom();
  const React = await load("react");
  const { createRoot } = await load("react-dom/client");
  const { SageMakerProvider, useInvokeEndpointStream } = await load("@sagefetch/react");
  const { InvokeEndpointCommand, SageMakerRuntimeClient } = await load("@sagefetch/core");
  const { demoCredentials, sageMakerHandlers } = await load("@sagefetch/msw");
  const { setupServer } = await load("msw/node");

  const mock = sageMakerHandlers({
    endpoints: {
      warm: () => ({ body: "ok" }),
      // `{"tokens": n, "ms": t}`: n tokens spread over t ms.
      firehose: (request) => ({
        contentType: "text/event-stream",
        stream: (async function* () {
          const { tokens, ms } = request.json();
          const start = performance.now();
          for (let i = 0; i < tokens; i++) {
            // Timers are coarser than 0.2 ms: sleep only when ahead of the schedule.
            const ahead = start + (i * ms) / tokens - performance.now();
            if (ahead >= 4) await sleep(ahead);
            yield event(i);
          }
        })(),
      }),
    },
  });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledFrame: "error" });
  const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: demoCredentials });

  lib.React = React;
  lib.useInvokeEndpointStream = useInvokeEndpointStream;
  async function measure(throttleMs, tokens = TOKENS, spreadMs = SPREAD_MS) {
    seen.hook = undefined;
    const root = createRoot(document.createElement("div"));
    const stream = React.createElement(Stream, { throttleMs });
    root.render(React.createElement(SageMakerProvider, { client }, stream));
    while (!seen.hook) await sleep(5);
    const before = seen.renders;
    const started = performance.now();
    await seen.hook.start({
      EndpointName: "firehose",
      Body: JSON.stringify({ tokens, ms: spreadMs }),
    });
    const ms = performance.now() - started;
    const { hook } = seen;
    root.unmount();
    return {
      throttleMs: throttleMs ?? "default (20)",
      renders: seen.renders - before,
      frames: Math.round(ms / FRAME),
      tokens: hook.parts.length,
      complete: hook.status === "success" && hook.parts.length === tokens,
      ms: Math.round(ms),
      tokensPerSecond: Math.round(hook.tokensPerSecond ?? 0),
      timeToFirstTokenMs: Math.round(hook.timeToFirstTokenMs ?? 0),
    };
  }

  try {
    // The first calls pay for setting up signing, the interceptors and the JIT: not measured.
    await client.send(new InvokeEndpointCommand({ EndpointName: "warm", Body: "{}" }));
    await measure(undefined, 500, 100);
    return [await measure(undefined), await measure(0)];
  } finally {
    server.close();
    // React's scheduler finishes the unmounts on a later task, still reading `window`.
    await sleep(100);
    await restore();
  }
}

/** For bench/run.mjs: the results as a markdown table. */
export async function measureReactRenders() {
  const results = await runReactRenders();
  const n = (x) => x.toLocaleString("en");
  return [
    `| React renders while ${n(TOKENS)} tokens stream in ${SPREAD_MS / 1000} s (useInvokeEndpointStream; happy-dom, 60 Hz frames) | renders | frames | tokens/s | first token |`,
    "| --- | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| throttleMs ${r.throttleMs}${r.complete ? "" : " (incomplete)"} | ${r.renders} | ${r.frames} | ${n(r.tokensPerSecond)} | ${r.timeToFirstTokenMs} ms |`,
    ),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runReactRenders();
  if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
  for (const r of results) {
    if (process.argv.includes("--json")) break;
    console.log(
      `useInvokeEndpointStream, throttleMs ${r.throttleMs}: ${r.renders} renders for ${r.tokens.toLocaleString("en")} tokens in ${r.ms} ms (${r.frames} frames at 60 Hz; ${r.tokensPerSecond.toLocaleString("en")} tokens/s, first after ${r.timeToFirstTokenMs} ms)`,
    );
  }
  if (results.some((r) => !r.complete) || results[0].renders > MAX_RENDERS) {
    console.error(
      `react-renders: a stream did not complete, or rendered over ${MAX_RENDERS} times`,
    );
    process.exit(1);
  }
}
