// `pnpm run bench`: every measurement side by side with its peers in one run, printed as
// tables and written into the root README between the bench markers. Each measurement is
// its own module (run one alone with `pnpm exec node bench/<module>.mjs`).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { measureChatEvents } from "./chatEvents.mjs";
import { measureInChromium } from "./chromium.mjs";
import { measureColdNode } from "./cold-node.mjs";
import { measureColdWorkerd } from "./cold-workerd.mjs";
import { MODES, measureEmulator } from "./emulator.mjs";
import { measureFirstPart } from "./first-part.mjs";
import { breakdownTables, measureInvokeBreakdown } from "./invoke-breakdown.mjs";
import { machine } from "./lib/stats.mjs";
import {
  int,
  kib,
  markdownTable,
  mib,
  padMarkdownTables,
  ratio,
  signed,
  withSpread,
} from "./lib/table.mjs";
import { measureMemory } from "./memory.mjs";
import { measureRelayLoad, relayLoadMarkdown, updateRelayReadme } from "./relay-load.mjs";
import { measureSigning } from "./signing.mjs";
import { ENTRIES, measureSizes, PENDING } from "./size.mjs";
import { measureSmallChunks, measureStreaming } from "./streaming.mjs";
import { measureThroughput } from "./throughput.mjs";

const SDK = "@aws-sdk/client-sagemaker-runtime";
const budgets = JSON.parse(readFileSync(new URL("./budgets.json", import.meta.url), "utf8"));
const began = performance.now();
const load = loadavg()[0].toFixed(1);
const step = async (name, measure) => {
  const start = performance.now();
  const result = await measure();
  console.error(`${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
};
const sizes = await step("bundle sizes", measureSizes);
const speed = await step("client cost", measureThroughput);
const streaming = await step("stream decoding", measureStreaming);
const smallChunks = await step("stream decoding, 1-byte chunks", measureSmallChunks);
const firstPart = await step("time to first part", measureFirstPart);
const chromium = await step(
  "client cost, stream decoding, time to first part in Chromium",
  measureInChromium,
);
const breakdown = await step("one invoke, step by step, in each runtime", measureInvokeBreakdown);
const signing = await step("signing 6 MiB", measureSigning);
const coldNode = await step("cold import in Node", measureColdNode);
const coldWorkerd = await step("cold start in workerd", measureColdWorkerd);
const memory = await step("memory while streaming", measureMemory);
const emulator = await step("emulator", measureEmulator);
// Its figures go into packages/relay/README.md (between its relay-load markers).
const relayLoad = await step("relay under load", async () => {
  const result = await measureRelayLoad();
  updateRelayReadme(relayLoadMarkdown(result));
  return result;
});
const chatEvents = await step("chat events", measureChatEvents);
// bench/react-renders.mjs is the React engineer's: when it exists, its `measureReactRenders()`
// (or default export) is called and the markdown it returns is appended to the tables.
const reactRenders = existsSync(new URL("./react-renders.mjs", import.meta.url))
  ? await step("React renders", async () => {
      const module = await import("./react-renders.mjs");
      return (module.measureReactRenders ?? module.default)?.();
    })
  : undefined;
const seconds = (performance.now() - began) / 1000;
const loadAtEnd = loadavg()[0].toFixed(1);

// ---- The summary: one row per measurement, one column per client. ----
const NA = "—";
const ms = (digits) => (x) => x.toFixed(digits);
const faster = { better: "faster", worse: "slower" };
const smaller = { better: "smaller", worse: "larger" };
const sooner = { better: "sooner", worse: "later" };
const summary = [];
const row = (label, ours, sdk, aws4, vsSdk, vsAws4) =>
  summary.push([label, ours, sdk, aws4, vsSdk, vsAws4]);

{
  const s = (id, key = "gzip") => sizes[id][key];
  row(
    "Browser bundle: invoke (gzip)",
    kib(s("sagefetch-invoke")),
    kib(s("aws-sdk-invoke")),
    `${kib(s("aws4fetch-invoke"))}¹`,
    ratio(s("sagefetch-invoke"), s("aws-sdk-invoke"), smaller),
    ratio(s("sagefetch-invoke"), s("aws4fetch-invoke"), smaller),
  );
  row(
    "Browser bundle: invoke + stream (gzip, lazy chunks counted)²",
    kib(s("sagefetch-stream", "totalGzip")),
    kib(s("aws-sdk-stream", "totalGzip")),
    `${NA}³`,
    ratio(s("sagefetch-stream", "totalGzip"), s("aws-sdk-stream", "totalGzip"), smaller),
    NA,
  );
  const addedOurs = s("sagefetch-cognito") - s("sagefetch-invoke");
  const addedSdk = s("aws-sdk-cognito", "totalGzip") - s("aws-sdk-invoke", "totalGzip");
  row(
    "Browser bundle: + Cognito Identity Pool provider (gzip added)",
    `+${kib(addedOurs)}`,
    `+${kib(addedSdk)}`,
    `${NA}⁴`,
    ratio(addedOurs, addedSdk, smaller),
    NA,
  );
  const react = sizes.react && sizes.react.gzip - sizes["react-core"].gzip;
  row(
    "Browser bundle: @sagefetch/react, every hook, on top of core (gzip added)⁵",
    react === undefined ? "not measured⁵" : `+${kib(react)} (${react} B)`,
    NA,
    NA,
    NA,
    NA,
  );
  const query = sizes.query && sizes.query.gzip - sizes["query-core"].gzip;
  row(
    "Browser bundle: @sagefetch/query, every option factory, on top of core (gzip added)⁹",
    query === undefined ? "not measured⁹" : `+${kib(query)} (${query} B)`,
    NA,
    NA,
    NA,
    NA,
  );
}
const perSecond = { ...faster, higherIsBetter: true };
for (const [where, r] of [
  ["Node", speed],
  [chromium.browser, chromium.clientCost],
]) {
  const aws4 = r["aws4fetch (signing only)"];
  row(
    `Client cost per invoke (1 KiB body) in ${where}, calls/s (${r.sagefetch.rounds} rounds × ${r.sagefetch.calls.toLocaleString("en")} calls)¹⁰`,
    withSpread(r.sagefetch, int),
    withSpread(r[SDK], int),
    `${withSpread(aws4, int)}¹`,
    ratio(r.sagefetch.vs[SDK], 1, perSecond),
    ratio(r.sagefetch.vs["aws4fetch (signing only)"], 1, perSecond),
  );
}
for (const [where, r] of [
  ["Node", streaming],
  [chromium.browser, chromium.streaming],
]) {
  row(
    `Stream decoding in ${where}, MiB/s (16 MiB in 256-byte parts; ${r.sagefetch.rounds} rounds)`,
    withSpread(r.sagefetch, ms(1)),
    withSpread(r[SDK], ms(1)),
    `${NA}³`,
    ratio(r.sagefetch.median, r[SDK].median, perSecond),
    NA,
  );
}
for (const [where, r] of [
  ["Node", firstPart],
  [chromium.browser, chromium.firstPart],
]) {
  row(
    `Time to first part in ${where}, ms (stream sends one part, then holds; ${r.sagefetch.n} rounds)`,
    withSpread(r.sagefetch, ms(2)),
    withSpread(r[SDK], ms(2)),
    `${NA}³`,
    ratio(r.sagefetch.median, r[SDK].median, sooner),
    NA,
  );
}
{
  const browserSdk = "@smithy/signature-v4 + Sha256WebCrypto (the AWS SDK in browsers)";
  row(
    `Signing a 6 MiB body, ms (signer alone⁶; ${signing.sagefetch.n} rounds)`,
    withSpread(signing.sagefetch, ms(1)),
    withSpread(signing[browserSdk], ms(1)),
    withSpread(signing.aws4fetch, ms(1)),
    ratio(signing.sagefetch.median, signing[browserSdk].median, faster),
    ratio(signing.sagefetch.median, signing.aws4fetch.median, faster),
  );
}
row(
  `Cold import + new client in Node, ms (fresh process, ESM; ${coldNode.sagefetch.n} runs)`,
  withSpread(coldNode.sagefetch, ms(1)),
  withSpread(coldNode[SDK], ms(1)),
  withSpread(coldNode.aws4fetch, ms(1)),
  ratio(coldNode.sagefetch.median, coldNode[SDK].median, faster),
  ratio(coldNode.sagefetch.median, coldNode.aws4fetch.median, faster),
);
row(
  `Cold start in workerd, ms (new Miniflare → first answer; ${coldWorkerd.sagefetch.n} runs)⁷`,
  withSpread(coldWorkerd.sagefetch, ms(0)),
  withSpread(coldWorkerd[SDK], ms(0)),
  withSpread(coldWorkerd.aws4fetch, ms(0)),
  ratio(coldWorkerd.sagefetch.median, coldWorkerd[SDK].median, faster),
  ratio(coldWorkerd.sagefetch.median, coldWorkerd.aws4fetch.median, faster),
);
{
  const drift = (r) =>
    `${signed(r.drift.median / 2 ** 20, 2)} MiB (${signed(r.drift.p25 / 2 ** 20, 2)} to ${signed(r.drift.p75 / 2 ** 20, 2)})`;
  const flat = (r) => Math.abs(r.drift.median) < 2 ** 20;
  row(
    `Heap growth streaming 100 MiB, from 4 MiB in to the end (${memory.sagefetch.runs} runs)⁸`,
    drift(memory.sagefetch),
    drift(memory[SDK]),
    `${NA}³`,
    flat(memory.sagefetch) && flat(memory[SDK])
      ? "both flat"
      : flat(memory.sagefetch)
        ? "flat; the AWS SDK grows"
        : "sagefetch GROWS",
    NA,
  );
}

// ---- Reference points measured in the same run. ----
const reference = [];
const ref = (label, value, vs) => reference.push([label, value, vs]);
{
  for (const [where, r] of [
    ["Node", speed],
    [chromium.browser, chromium.clientCost],
  ]) {
    const bare = r["bare signer (@smithy/signature-v4) + fetch"];
    ref(
      `Client cost in ${where}: bare signer (@smithy/signature-v4) + fetch, calls/s`,
      withSpread(bare, int),
      `sagefetch at ${((r.sagefetch.median / bare.median) * 100).toFixed(0)}% of it`,
    );
  }
  const decoderOurs = streaming["decoder alone: sagefetch EventStreamDecoder"];
  const decoderSmithy = streaming["decoder alone: @smithy/eventstream-codec"];
  ref(
    "Stream decoding, decoder alone: sagefetch EventStreamDecoder, MiB/s",
    withSpread(decoderOurs, ms(1)),
    ratio(decoderOurs.median, decoderSmithy.median, { ...faster, higherIsBetter: true }),
  );
  ref(
    "Stream decoding, decoder alone: @smithy/eventstream-codec, MiB/s",
    withSpread(decoderSmithy, ms(1)),
    "",
  );
  ref(
    `Stream decoding, decoder alone, 1-byte chunks (one 256 KiB message; ${smallChunks.rounds} rounds): sagefetch EventStreamDecoder, MiB/s`,
    withSpread(smallChunks, ms(2)),
    "linear in the number of chunks",
  );
  const nodeSdk = signing["@smithy/signature-v4 + Sha256Node (the AWS SDK in Node)"];
  ref(
    "Signing 6 MiB: @smithy/signature-v4 + Sha256Node (the AWS SDK in Node), ms",
    withSpread(nodeSdk, ms(1)),
    ratio(signing.sagefetch.median, nodeSdk.median, faster),
  );
  const alone = coldNode["Node alone (no import)"];
  ref(
    "Cold Node process: ready after process start (sagefetch / AWS SDK / Node alone), ms",
    `${coldNode.sagefetch.sinceStart.median.toFixed(0)} / ${coldNode[SDK].sinceStart.median.toFixed(0)} / ${alone.sinceStart.median.toFixed(0)}`,
    "",
  );
  const { relay: viaRelay, bare: viaBare } = relayLoad.stats;
  ref(
    `Relay under load (${relayLoad.streams.toLocaleString("en")} concurrent streams, a third aborted): first byte p50 / p99, ms`,
    `${viaRelay.ttfb50.toFixed(0)} / ${viaRelay.ttfb99.toFixed(0)}`,
    `bare piping proxy: ${viaBare.ttfb50.toFixed(0)} / ${viaBare.ttfb99.toFixed(0)}; ${relayLoad.relayUp ? "relay stayed up" : "relay DIED"} (packages/relay/README.md)`,
  );
  const empty = coldWorkerd["empty Worker"];
  ref("Cold workerd: an empty Worker (no import), ms", withSpread(empty, ms(0)), "");
  for (const name of ["sagefetch", SDK, "aws4fetch"]) {
    ref(
      `Cold workerd: what ${name} adds to it (paired per run), ms`,
      withSpread(coldWorkerd[name].added, (x) => signed(x, 0)),
      "",
    );
  }
  ref(
    "Cold workerd: bundled Worker script (sagefetch / AWS SDK / aws4fetch)",
    `${kib(coldWorkerd.sagefetch.bytes)} / ${kib(coldWorkerd[SDK].bytes)} / ${kib(coldWorkerd.aws4fetch.bytes)}`,
    "",
  );
  for (const [id, label] of [
    ["sagefetch-cognito-alone", "Cognito provider alone (gzip, lazy chunks counted)"],
    ["sagefetch-decoder", "Event-stream decoder alone (gzip)"],
  ]) {
    const peer = ENTRIES.find((entry) => entry.id === id).peer;
    const key = id === "sagefetch-cognito-alone" ? "totalGzip" : "gzip";
    ref(
      `${label}: sagefetch / ${peer === "smithy-codec-decoder" ? "@smithy/eventstream-codec" : "the AWS SDK's"}`,
      `${kib(sizes[id][key])} / ${kib(sizes[peer][key])}`,
      ratio(sizes[id][key], sizes[peer][key], smaller),
    );
  }
}

// ---- Memory in detail, and the emulator. ----
const memoryRows = Object.entries(memory).map(([name, r]) => [
  name,
  mib(r.before.median),
  mib(r.first.median),
  mib(r.peak.median),
  mib(r.last.median),
  `${signed(r.drift.median / 2 ** 20, 2)} MiB`,
  mib(r.buffersPeakOverBefore.median),
]);
const emulatorRows = Object.entries(emulator.results).map(([mode, r]) => [
  MODES[mode],
  withSpread(r, int),
  mode === "plain" ? "" : `${((r.median / emulator.results.plain.median) * 100).toFixed(0)}%`,
]);
for (const [mode, why] of Object.entries(emulator.skipped)) {
  emulatorRows.push([MODES[mode], `${NA} (${why})`, ""]);
}

// ---- Chat: parsing speed per container format, and the bytes a chat app adds. ----
const BASELINE = "split and JSON.parse";
const thousands = (x) => `${(x / 1000).toFixed(0)}k`;
const chatRows = Object.entries(chatEvents).map(([format, r]) => [
  format,
  withSpread(r.readChatEvents, thousands),
  withSpread(r[BASELINE], thousands),
  ratio(r.readChatEvents.median, r[BASELINE].median, { ...faster, higherIsBetter: true }),
]);
chatRows.push([
  "bytes chat events + bearer token add to invoke + stream (gzip; budget 2.5 KiB)",
  kib(sizes["sagefetch-chat"].gzip - sizes["sagefetch-stream-text"].gzip),
  "",
  "",
]);

const date = new Date().toISOString().slice(0, 10);
const tables = [
  markdownTable(
    [
      "Measurement (median, IQR in parentheses)",
      "sagefetch",
      SDK,
      "aws4fetch",
      "sagefetch vs the AWS SDK",
      "vs aws4fetch",
    ],
    summary,
    ["l", "r", "r", "r", "r", "r"],
  ),
  "",
  markdownTable(
    [
      `Emulator (@sagefetch/emulator), ${emulator.concurrency} keep-alive sagefetch clients, ${emulator.seconds} s runs`,
      "requests/s",
      "of the ceiling",
    ],
    emulatorRows,
    ["l", "r", "r"],
  ),
  "",
  markdownTable(
    [
      "Heap while streaming 100 MiB (median of runs)",
      "before",
      "at 4 MiB",
      "peak",
      "at 100 MiB",
      "growth 4→100 MiB",
      "array buffers peak",
    ],
    memoryRows,
    ["l", "r", "r", "r", "r", "r", "r"],
  ),
  "",
  markdownTable(
    [
      "Chat events from 10,000-token streams, tokens/s",
      "readChatEvents",
      "split and JSON.parse",
      "readChatEvents vs it",
    ],
    chatRows,
    ["l", "r", "r", "r"],
  ),
  "",
  markdownTable(["Reference points (same run)", "median", "sagefetch vs it"], reference, [
    "l",
    "r",
    "r",
  ]),
];
tables.push("", breakdownTables(breakdown));
if (typeof reactRenders === "string") tables.push("", padMarkdownTables(reactRenders.trim()));
const notes = [
  "",
  "¹ aws4fetch signs and sends, nothing more: no retries, modeled errors, input validation or endpoint rules.",
  "² The AWS SDK loads its event-stream code in lazy chunks on the first stream; counted, as a streaming page pays them.",
  "³ aws4fetch cannot decode event streams: it hands back the raw `Response`, and the app brings an AWS event-stream decoder of its own.",
  "⁴ aws4fetch has no credential providers.",
  `⁵ All of @sagefetch/react's hooks and provider, minus the same app's core without them (bench/entries/react.ts − react-core.ts); React, react-dom and TanStack Query left out. Budget ${kib(budgets.react.max)} (bench/budgets.json).${PENDING.length > 0 ? ` Not measured: ${PENDING.map((p) => p.why()).join("; ")}.` : ""}`,
  "⁶ sagefetch's internal signer (bundled from packages/core/src/signing); the AWS SDK column is @smithy/signature-v4 with the hasher the AWS SDK uses in browsers (crypto.subtle); aws4fetch uses crypto.subtle.",
  "⁷ Worker bundled by esbuild as wrangler does; most of it is starting workerd itself (see the empty Worker below).",
  "⁸ `heapUsed` after a forced GC every 4 MiB, in a fresh process per run; the first 4 MiB pay once for compiled code and the first request.",
  `⁹ Every option factory, the keys and the decoder of @sagefetch/query, minus the same app's core without them (bench/entries/query.ts − query-core.ts); @tanstack/query-core left out (the app's adapter brings it). Budget ${kib(budgets.query.max)} (bench/budgets.json).`,
  `¹⁰ Every client through the same fetch stub, which builds the \`Request\` a real fetch builds and answers at once (bench/lib/invoke-clients.mjs); the ratios are the medians of the per-round ratios (each round runs the clients one after the other), steadier than a ratio of medians on a busy machine. In ${chromium.browser} (Debian's, through playwright-core), the clients are bundled for the browser by esbuild and run side by side in one cross-origin-isolated page; the AWS SDK hashes with crypto.subtle there. The step-by-step tables time sagefetch's steps alone in each runtime (bench/invoke-breakdown.mjs; workerd's clock stands still while a request computes, so there batches are timed from outside).`,
  "",
  `Each speed is the median of rounds that alternate between the clients, with the interquartile range in parentheses; in-process speeds use a fetch that answers at once, so only the clients' own work is timed. Measured by \`pnpm run bench\` on ${machine()}, load average ${load} at the start and ${loadAtEnd} at the end (anything else running shares the cores), ${date}; the run took ${Math.round(seconds)} s.`,
];
const table = [...tables, ...notes].join("\n");
console.log(table);

const readme = new URL("../README.md", import.meta.url);
const text = readFileSync(readme, "utf8");
const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
if (text.includes(start) && text.includes(end)) {
  writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
  );
  console.log("\nREADME.md updated.");
}
