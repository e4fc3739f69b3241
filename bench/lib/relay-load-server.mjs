// The server side of bench/relay-load.mjs, one role per process (started with --expose-gc):
// - `emulator`: the SageMaker Runtime emulator, streaming `echo` slowly;
// - `relay <upstream>`: `createServer(toNodeHandler(createRelay(...)))`, as the README shows;
// - `bare <upstream>`: a bare piping proxy (node:http in, node:http out, `pipe` both ways), the
//   least a proxy on Node can do, as the relay's yardstick.
// Prints one JSON line, { url }, then answers IPC messages: `sample` starts sampling RSS
// (every 10 ms), `peak` stops and returns the highest, `settle` collects garbage and returns
// RSS and heap, `connections` the server's open connections. A crash ends the process, which
// the bench sees: nothing here catches what the relay lets escape.
import { createServer, request } from "node:http";
import { createRelay } from "@sagefetch/relay";
import { toNodeHandler } from "@sagefetch/relay/node";

export const ECHO_PARTS = 10;
export const PART_DELAY_MS = 80;

/**
 * The emulator, from where it lives today: the one place the bench imports it (it is moving
 * to @sagefetch/emulator).
 */
async function startLoadEmulator() {
  const { startEmulator } = await import("@sagefetch/emulator");
  const { createDemoEndpoints } = await import("@sagefetch/msw");
  return startEmulator({
    port: 0,
    endpoints: createDemoEndpoints({ echoParts: ECHO_PARTS }),
    stream: { delayMs: PART_DELAY_MS },
    maxRequestLog: 100,
    admin: false,
  });
}

function bareProxy(upstream) {
  const target = new URL(upstream);
  const prefix = `/${target.host}`;
  return createServer((req, res) => {
    const path = req.url.startsWith(prefix) ? req.url.slice(prefix.length) : req.url;
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path,
        // The host the client signed for, as the relay's fetch sends it.
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    res.on("close", () => out.destroy());
    req.pipe(out);
  });
}

const [role, upstream] = process.argv.slice(2);
let server;
let url;
if (role === "emulator") {
  const emulator = await startLoadEmulator();
  url = emulator.url;
  server = { getConnections: (callback) => callback(null, 0) };
} else {
  server =
    role === "relay"
      ? createServer(toNodeHandler(createRelay({ extraUpstreams: [upstream] })))
      : bareProxy(upstream);
  // A thousand clients connect at once: more than Node's default backlog (511).
  await new Promise((resolve) => server.listen(0, "127.0.0.1", 4096, resolve));
  url = `http://127.0.0.1:${server.address().port}`;
}
process.stdout.write(`${JSON.stringify({ url })}\n`);

let sampler;
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss());
};
process.on("message", async (message) => {
  if (message === "sample") {
    peak = process.memoryUsage.rss();
    sampler = setInterval(sample, 10);
    process.send({ ok: true });
  } else if (message === "peak") {
    clearInterval(sampler);
    sample();
    process.send({ peak });
  } else if (message === "settle") {
    for (let i = 0; i < 3; i++) {
      globalThis.gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.send(process.memoryUsage());
  } else if (message === "connections") {
    server.getConnections((_, count) => process.send({ connections: count }));
  }
});
process.on("disconnect", () => process.exit(0));
