// Where the time of one InvokeEndpoint (1 KiB body) goes, per runtime: Node, Debian's
// Chromium, workerd (miniflare) and the edge runtime (@edge-runtime/vm). The same module
// (bench/lib/invoke-phases.mjs) is bundled for each runtime as an app would bundle it and
// times each step of sagefetch's pipeline alone (serialize, URL, the attempt's signal,
// the signer's parts, the Request fetch builds, the answer), the whole invoke, the crypto.subtle
// alternatives the choice of hasher rests on, and the three clients' calls per second through
// the same fetch stub. workerd's clock does not move while a request computes, so there each
// batch is timed from outside (miniflare's dispatchFetch), less an empty request's time.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inRuntime, RUNTIMES } from "./lib/runtimes.mjs";
import { isMain, rotated, summarize } from "./lib/stats.mjs";
import { int, markdownTable } from "./lib/table.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(here, "lib", "invoke-phases.mjs");

async function measureIn(runtime, { rounds, batchMs, calls }) {
  return inRuntime(runtime, ENTRY, async (rt) => {
    const list = await rt.call("names");
    let overhead = 0;
    const outside = runtime === "workerd";
    const outer = async (kind, name, n) => {
      const start = performance.now();
      await rt.call("runBatch", kind, name, n);
      return performance.now() - start;
    };
    if (outside) {
      const empty = [];
      for (let i = 0; i < 31; i++) empty.push(await outer("noop", "noop", 1));
      overhead = summarize(empty).median;
    }
    const time = async (kind, name, n) =>
      outside
        ? Math.max(0, (await outer(kind, name, n)) - overhead)
        : rt.call("runBatch", kind, name, n);

    // Steps and alternatives: µs per run, batches of about batchMs.
    const timed = {};
    for (const kind of ["pipeline", "alternatives"]) {
      for (const name of list[kind]) timed[name] = { kind, n: 16 };
    }
    for (const [name, entry] of Object.entries(timed)) {
      // Warms up the JIT on the way to a batch of about batchMs.
      while ((await time(entry.kind, name, entry.n)) < batchMs / 2 && entry.n < 1 << 20) {
        entry.n *= 2;
      }
    }
    const us = Object.fromEntries(Object.keys(timed).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, { kind, n }] of rotated(timed, round)) {
        us[name].push(((await time(kind, name, n)) / n) * 1000);
      }
    }
    // The clients: calls per second, rounds alternating between them.
    const perSecond = Object.fromEntries(list.clients.map((name) => [name, []]));
    for (const name of list.clients) await time("clients", name, 300); // warm up
    for (let round = 0; round < rounds; round++) {
      for (const [name] of rotated(perSecond, round)) {
        perSecond[name].push((calls / (await time("clients", name, calls))) * 1000);
      }
    }
    const summaries = (samples) =>
      Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, summarize(xs)]));
    const all = summaries(us);
    const pick = (names) => Object.fromEntries(names.map((name) => [name, all[name]]));
    // sagefetch against each client, round by round (see bench/throughput.mjs).
    const vs = Object.fromEntries(
      list.clients.map((other) => [
        other,
        summarize(perSecond.sagefetch.map((x, i) => x / perSecond[other][i])).median,
      ]),
    );
    return {
      steps: pick(list.pipeline),
      alternatives: pick(list.alternatives),
      clients: Object.fromEntries(
        Object.entries(summaries(perSecond)).map(([name, r]) => [name, { ...r, rounds, calls }]),
      ),
      sagefetchVs: vs,
    };
  });
}

/** Results per runtime: `{ steps, alternatives, clients }`, each a summary per name. */
export async function measureInvokeBreakdown({
  runtimes = RUNTIMES,
  rounds = 9,
  batchMs = 20,
  calls = 1000,
} = {}) {
  const results = {};
  for (const runtime of runtimes) {
    results[runtime] = await measureIn(runtime, { rounds, batchMs, calls });
  }
  return results;
}

const SDK = "@aws-sdk/client-sagemaker-runtime";
const us = (r) => (r ? `${r.median < 10 ? r.median.toFixed(1) : r.median.toFixed(0)} µs` : "—");

/** The breakdown as markdown: one column per runtime. */
export function breakdownTables(results) {
  const runtimes = Object.keys(results);
  const first = results[runtimes[0]];
  const rowsOf = (part) =>
    [...new Set(runtimes.flatMap((rt) => Object.keys(results[rt][part])))].map((name) => [
      name,
      ...runtimes.map((rt) => us(results[rt][part][name])),
    ]);
  const clientRows = Object.keys(first.clients).map((name) => [
    `${name}, µs per invoke (calls/s)`,
    ...runtimes.map((rt) => {
      const r = results[rt].clients[name];
      return `${(1e6 / r.median).toFixed(0)} µs (${int(r.median)}/s)`;
    }),
  ]);
  clientRows.push([
    "sagefetch vs the AWS SDK (median of per-round ratios)",
    ...runtimes.map((rt) => `${results[rt].sagefetchVs[SDK].toFixed(1)}× faster`),
  ]);
  const align = ["l", ...runtimes.map(() => "r")];
  return [
    markdownTable(
      ["One InvokeEndpoint (1 KiB body) in sagefetch, step by step (median µs)", ...runtimes],
      rowsOf("steps"),
      align,
    ),
    "",
    markdownTable(
      [
        "The same work on crypto.subtle, the uncached signing key, and a whole invoke on either hasher (median µs)",
        ...runtimes,
      ],
      rowsOf("alternatives"),
      align,
    ),
    "",
    markdownTable(
      [
        `Client cost per invoke through the same fetch stub (${first.clients.sagefetch.rounds} rounds × ${first.clients.sagefetch.calls} calls)`,
        ...runtimes,
      ],
      clientRows,
      align,
    ),
    "",
    "Steps are timed in batches of about 20 ms, the clients in batches of 1,000 calls: the median of short batches mostly misses garbage collection and the machine's other work, long batches pay their share of both, so the whole invoke costs more in the last table than in the first.",
  ].join("\n");
}

if (isMain(import.meta.url)) {
  const runtimes = process.argv.slice(2).filter((a) => RUNTIMES.includes(a));
  const results = await measureInvokeBreakdown(runtimes.length > 0 ? { runtimes } : {});
  console.log(breakdownTables(results));
}
