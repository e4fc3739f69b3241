// The relay under load (not a timed test): 1,000 concurrent InvokeEndpointWithResponseStream
// calls through `createServer(toNodeHandler(relay))` to the emulator, which streams each one
// slowly (10 parts, 80 ms apart), a third of the clients going away at a random point. The
// same load, in the same run, goes through a bare piping proxy (node:http, `pipe`) and
// straight to the emulator, each server in a process of its own (--expose-gc).
//
// Reported: whether the relay's process stayed up; whether every stream not aborted arrived
// intact (its PayloadParts, decoded, are the body its client sent, which names the client);
// the relay's RSS at the peak over its baseline per concurrent stream, and after the load
// (once idle keep-alive connections have closed); time to first byte and to the last,
// p50/p99, through each path, and as a ratio relay ÷ bare proxy.
// Written into packages/relay/README.md between the relay-load markers.
import { fork } from "node:child_process";
import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { signRequest } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";
import { cleanEnv, isMain, machine } from "./lib/stats.mjs";
import { markdownTable } from "./lib/table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const STREAMS = 1000;
/** Through each proxy; 200 straight to the emulator. */
const WARMUP_STREAMS = 500;
const ROUNDS = 2;
/** Clients start over this long: a thousand SYNs at once overflow any listen backlog. */
const RAMP_MS = 250;
/** The emulator streams for (parts − 1) × delay = 720 ms; abort points fall in 0–900 ms. */
const ABORT_WINDOW_MS = 900;
/** Idle keep-alive connections close after 5 s (Node's server, undici's pool: 4 s). */
const SETTLE_MS = 5500;
const STREAM_PATH = "/endpoints/echo/invocations-response-stream";

async function startServer(role, upstream) {
  const args = upstream === undefined ? [role] : [role, upstream];
  const child = fork(join(here, "lib", "relay-load-server.mjs"), args, {
    execPath: process.execPath,
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: cleanEnv(),
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
  });
  let exit;
  child.once("exit", (code, signal) => {
    exit = { code, signal };
  });
  child.stdout.setEncoding("utf8");
  let line = "";
  for await (const chunk of child.stdout) {
    line += chunk;
    if (line.includes("\n")) break;
  }
  if (!line.includes("\n")) throw new Error(`${role} did not start:\n${stderr}`);
  const { url } = JSON.parse(line);
  const ask = async (message) => {
    if (exit) throw new Error(`${role} exited (${JSON.stringify(exit)}):\n${stderr}`);
    const answer = once(child, "message");
    child.send(message);
    return (await answer)[0];
  };
  return {
    url,
    ask,
    up: () => exit === undefined,
    exit: () => exit,
    stderr: () => stderr,
    stop: () => {
      if (exit === undefined) child.disconnect();
    },
  };
}

/** A seeded PRNG (mulberry32): the same abort points every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PayloadPart payloads of an AWS event stream, concatenated. */
function payloadOf(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = [];
  let at = 0;
  while (at + 12 <= bytes.length) {
    const total = view.getUint32(at);
    const headersLength = view.getUint32(at + 4);
    if (at + total > bytes.length) return undefined;
    let h = at + 12;
    const headersEnd = h + headersLength;
    let eventType;
    while (h < headersEnd) {
      const nameLength = bytes[h];
      const name = bytes.subarray(h + 1, h + 1 + nameLength).toString();
      h += 1 + nameLength;
      const type = bytes[h++];
      const fixed = { 0: 0, 1: 0, 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 }[type];
      if (fixed !== undefined) h += fixed;
      else {
        const length = view.getUint16(h);
        if (name === ":event-type") eventType = bytes.subarray(h + 2, h + 2 + length).toString();
        h += 2 + length;
      }
    }
    if (eventType === "PayloadPart") parts.push(bytes.subarray(headersEnd, at + total - 4));
    at += total;
  }
  return at === bytes.length ? Buffer.concat(parts) : undefined;
}

/** One client: a signed streaming call; `abortAt` (ms) makes it go away then. */
function stream(url, call, agent, abortAt) {
  return new Promise((resolve) => {
    const start = performance.now();
    let ttfb;
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request(url, { method: "POST", headers: call.headers, agent });
    const timer =
      abortAt === undefined
        ? undefined
        : setTimeout(() => {
            req.destroy();
            done({ aborted: true });
          }, abortAt);
    req.on("error", (error) => done({ broken: `error: ${error.code ?? error.message}` }));
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (chunk) => {
        ttfb ??= performance.now() - start;
        chunks.push(chunk);
      });
      res.on("error", () => done({ broken: "response error" }));
      res.on("end", () => {
        const total = performance.now() - start;
        if (res.statusCode !== 200) return done({ broken: `status ${res.statusCode}` });
        const payload = payloadOf(Buffer.concat(chunks));
        if (payload === undefined || !payload.equals(call.body)) {
          return done({ broken: "payload differs from the body sent" });
        }
        done({ ttfb, total });
      });
    });
    req.end(call.body);
  });
}

/** Signed calls for `count` clients, each with a body that names it. */
async function signedCalls(count, upstreamHost, round) {
  const calls = [];
  for (let i = 0; i < count; i++) {
    const body = Buffer.from(`round ${round}, client ${i}: ${"x".repeat(1000)}`);
    const headers = await signRequest(
      "POST",
      new URL(`http://${upstreamHost}${STREAM_PATH}`),
      { "content-type": "application/octet-stream" },
      body,
      { credentials: demoCredentials, region: "us-east-1", service: "sagemaker", date: new Date() },
    );
    calls.push({ body, headers: { ...headers, "content-length": String(body.length) } });
  }
  return calls;
}

/** `count` clients through `base` (a proxy, or the emulator itself), started over RAMP_MS. */
async function load(base, upstreamHost, count, round, seed) {
  const path = base.includes(upstreamHost) ? STREAM_PATH : `/${upstreamHost}${STREAM_PATH}`;
  const calls = await signedCalls(count, upstreamHost, round);
  const rand = random(seed);
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let open = 0;
  let peakOpen = 0;
  const results = await Promise.all(
    calls.map(async (call, i) => {
      const abortAt = i % 3 === 2 ? rand() * ABORT_WINDOW_MS : undefined;
      const delay = (i / count) * RAMP_MS;
      await new Promise((resolve) => setTimeout(resolve, delay));
      open++;
      peakOpen = Math.max(peakOpen, open);
      const result = await stream(`${base}${path}`, call, agent, abortAt);
      open--;
      return result;
    }),
  );
  agent.destroy();
  return { results, peakOpen };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function untilIdle(server) {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    if ((await server.ask("connections")).connections === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function measureRelayLoad({ streams = STREAMS, rounds = ROUNDS } = {}) {
  const began = performance.now();
  const emulator = await startServer("emulator");
  const upstreamHost = new URL(emulator.url).host;
  const relay = await startServer("relay", emulator.url);
  const bare = await startServer("bare", emulator.url);
  const proxies = { relay, bare };
  const paths = { direct: emulator.url, bare: bare.url, relay: relay.url };
  try {
    // A warm-up burst through each proxy: what a first burst costs once (compiled code, the
    // allocator's first pages) is then in the baseline, and what the measured rounds leave
    // over it is what they kept.
    for (const [name, base] of Object.entries(paths)) {
      const count = name === "direct" ? 200 : WARMUP_STREAMS;
      const { results } = await load(base, upstreamHost, count, -1, 7);
      const broken = results.filter((r) => r.broken);
      if (broken.length > 0) throw new Error(`warm-up through ${name}: ${broken[0].broken}`);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const baseline = {};
    for (const [name, server] of Object.entries(proxies))
      baseline[name] = await server.ask("settle");

    const samples = Object.fromEntries(
      Object.keys(paths).map((name) => [
        name,
        { ttfb: [], total: [], aborted: 0, intact: 0, broken: [], perStream: [], peakOpen: 0 },
      ]),
    );
    for (let round = 0; round < rounds; round++) {
      // The direct path is a reference only: measured in the first round, to keep the run short.
      const order = round === 0 ? ["direct", "bare", "relay"] : ["relay", "bare"];
      if (round % 2 === 1) order.reverse();
      for (const name of order) {
        const proxy = proxies[name];
        if (proxy) await proxy.ask("sample");
        const { results, peakOpen } = await load(
          paths[name],
          upstreamHost,
          streams,
          round,
          round + 1,
        );
        const s = samples[name];
        s.peakOpen = Math.max(s.peakOpen, peakOpen);
        for (const r of results) {
          if (r.aborted) s.aborted++;
          else if (r.broken) s.broken.push(r.broken);
          else {
            s.intact++;
            s.ttfb.push(r.ttfb);
            s.total.push(r.total);
          }
        }
        if (proxy) {
          const { peak } = await proxy.ask("peak");
          s.perStream.push((peak - baseline[name].rss) / peakOpen);
          await untilIdle(proxy);
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = {};
    for (const [name, server] of Object.entries(proxies)) after[name] = await server.ask("settle");
    // Still up, and still answering.
    const [check] = (await signedCalls(1, upstreamHost, "check")).map((call) => call);
    const final = await stream(
      `${relay.url}/${upstreamHost}${STREAM_PATH}`,
      check,
      new Agent({ keepAlive: false }),
    );
    const stats = Object.fromEntries(
      Object.entries(samples).map(([name, s]) => [
        name,
        {
          ...s,
          ttfb50: percentile(s.ttfb, 50),
          ttfb99: percentile(s.ttfb, 99),
          total50: percentile(s.total, 50),
          total99: percentile(s.total, 99),
          perStream: s.perStream.length ? Math.max(...s.perStream) : undefined,
        },
      ]),
    );
    return {
      streams,
      rounds,
      stats,
      baseline,
      after,
      relayUp: relay.up() && final.ttfb !== undefined,
      relayExit: relay.exit(),
      relayStderr: relay.stderr(),
      seconds: (performance.now() - began) / 1000,
    };
  } finally {
    for (const server of [relay, bare, emulator]) server.stop();
  }
}

const ms = (x) => (x === undefined ? "—" : `${x.toFixed(0)} ms`);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const change = (bytes) => `${bytes < 0 ? "−" : "+"}${(Math.abs(bytes) / 2 ** 20).toFixed(1)} MiB`;
const times = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : "—");

/** The figures as markdown, for the relay's README. */
export function relayLoadMarkdown(result, { load = loadavg()[0].toFixed(1) } = {}) {
  const { stats, baseline, after } = result;
  const { relay, bare, direct } = stats;
  const rows = Object.entries({
    "straight to the emulator": direct,
    "bare piping proxy": bare,
    "the relay (toNodeHandler)": relay,
  }).map(([label, s]) => [
    label,
    `${s.intact} / ${s.intact + s.broken.length}`,
    ms(s.ttfb50),
    ms(s.ttfb99),
    ms(s.total50),
    ms(s.total99),
  ]);
  rows.push([
    "**relay ÷ bare proxy**",
    "",
    ...["ttfb50", "ttfb99", "total50", "total99"].map((key) => times(relay[key], bare[key])),
  ]);
  const memory = ["relay", "bare"].map((name) => [
    name === "relay" ? "the relay" : "bare piping proxy",
    mib(baseline[name].rss),
    kib(stats[name].perStream),
    mib(after[name].rss),
    change(after[name].rss - baseline[name].rss),
    change(after[name].heapUsed - baseline[name].heapUsed),
  ]);
  const broken = relay.broken.length + bare.broken.length + direct.broken.length;
  const heapBack = Math.abs(after.relay.heapUsed - baseline.relay.heapUsed) < 2 * 2 ** 20;
  return [
    `${result.streams.toLocaleString("en")} concurrent streaming calls (InvokeEndpointWithResponseStream, 10 parts 80 ms apart, bodies naming their client), started over ${RAMP_MS} ms, ${result.rounds} rounds through each proxy (one straight to the emulator, for reference); every third client goes away at a random point in the first ${ABORT_WINDOW_MS} ms (${relay.aborted} through the relay). Peak streams open at once through the relay: ${relay.peakOpen}.`,
    "",
    `- The relay's process stayed up: **${result.relayUp ? "yes" : "NO"}**${result.relayUp ? " (and answered a call after the load)" : ` (${JSON.stringify(result.relayExit)})`}.`,
    `- Streams not aborted that arrived intact: **${broken === 0 ? "all" : `${broken} broken`}** (each decoded and compared with the body its client sent).`,
    "",
    markdownTable(
      ["Path", "intact / not aborted", "first byte p50", "p99", "last byte p50", "p99"],
      rows,
      ["l", "r", "r", "r", "r", "r"],
    ),
    "",
    markdownTable(
      [
        "Process",
        "RSS at rest (after a warm-up burst)",
        "RSS per concurrent stream (peak over rest)",
        "RSS after the load",
        "RSS change",
        "heap used change",
      ],
      memory,
      ["l", "r", "r", "r", "r", "r"],
    ),
    "",
    `Times run from the request's start to the first and last byte of the answer, over the streams not aborted. Each server in a process of its own, on ${machine()}; load average ${load} (the cores are shared: absolute times include waiting for them; the ratio, measured in the same run, is the figure to read). "At rest" and "after the load": once idle keep-alive connections had closed (${SETTLE_MS / 1000} s), after a forced GC. ${heapBack ? "The heap used returned to its baseline" : "The heap used did NOT return to its baseline"} (within 2 MiB); RSS also counts pages the allocator keeps after a peak. Measured by \`bench/relay-load.mjs\` (\`pnpm run bench\`), ${new Date().toISOString().slice(0, 10)}; it took ${Math.round(result.seconds)} s.`,
  ].join("\n");
}

/** Writes the figures into packages/relay/README.md between its relay-load markers. */
export function updateRelayReadme(markdown) {
  const readme = new URL("../packages/relay/README.md", import.meta.url);
  const text = readFileSync(readme, "utf8");
  const start = "<!-- relay-load:start -->";
  const end = "<!-- relay-load:end -->";
  if (!text.includes(start) || !text.includes(end)) return false;
  writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${markdown}\n${text.slice(text.indexOf(end))}`,
  );
  return true;
}

if (isMain(import.meta.url)) {
  const load = loadavg()[0].toFixed(1);
  const result = await measureRelayLoad();
  const markdown = relayLoadMarkdown(result, { load });
  console.log(markdown);
  for (const [name, s] of Object.entries(result.stats)) {
    if (s.broken.length > 0) console.error(`${name}: ${s.broken.slice(0, 5).join("; ")}`);
  }
  if (updateRelayReadme(markdown)) console.log("\npackages/relay/README.md updated.");
  const broken = Object.values(result.stats).some((s) => s.broken.length > 0);
  if (!result.relayUp || broken) process.exitCode = 1;
}
