// Before and after, side by side: the client cost per invoke (1 KiB body, the shared fetch
// stub) of @sagefetch/core as it is in the tree and as it was at a git ref, both bundled into
// the same module and measured in alternating rounds in each runtime, with the AWS SDK in the
// same rounds. Paired ratios (round by round) cancel most of a busy machine's drift. Timed by
// each runtime's own clock (workerd's moves only as the request does I/O: reading each answer
// counts, so whole invokes are timed, but coarsely).
//   pnpm exec node bench/compare-core.mjs <ref> [node|chromium|workerd|edge ...]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inRuntime, RUNTIMES } from "./lib/runtimes.mjs";
import { isMain } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const dir = join(here, ".out", "compare-core");

/** Writes the measuring module: the tree's core and the one at `ref`, and the AWS SDK. */
function writeEntry(ref) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "base"), { recursive: true });
  const archive = execFileSync("git", ["archive", ref, "packages/core/src"], { cwd: root });
  execFileSync("tar", ["-x", "-C", join(dir, "base")], { input: archive });
  const entry = join(dir, "entry.mjs");
  const lib = (name) => JSON.stringify(join(here, "lib", name));
  writeFileSync(
    entry,
    `import * as before from ${JSON.stringify(join(dir, "base", "packages", "core", "src", "index.ts"))};
import * as after from ${JSON.stringify(join(root, "packages", "core", "src", "index.ts"))};
import { callsPerSecond, credentials, input, invokeClients, region, stubFetch, withStubFetch } from ${lib("invoke-clients.mjs")};
import { rotated, summarize } from ${lib("summary.mjs")};

const client = (core) => {
  const c = new core.SageMakerRuntimeClient({ region, credentials, fetch: stubFetch });
  return async () => (await c.send(new core.InvokeEndpointCommand(input))).Body.transformToString();
};

export async function run({ rounds, calls }) {
  return withStubFetch(async () => {
    const all = {
      before: client(before),
      after: client(after),
      sdk: invokeClients()["@aws-sdk/client-sagemaker-runtime"],
    };
    for (const call of Object.values(all)) await callsPerSecond(call, 300);
    const us = { before: [], after: [], sdk: [] };
    for (let round = 0; round < rounds; round++) {
      for (const [name, call] of rotated(all, round)) us[name].push(1e6 / (await callsPerSecond(call, calls)));
    }
    const paired = (a, b) => summarize(us[a].map((x, i) => x / us[b][i])).median;
    return {
      us: Object.fromEntries(Object.entries(us).map(([name, xs]) => [name, summarize(xs).median])),
      afterFaster: paired("before", "after"),
      sdkOverBefore: paired("sdk", "before"),
      sdkOverAfter: paired("sdk", "after"),
    };
  });
}
`,
  );
  return entry;
}

/** Per runtime: median µs per invoke of before, after and the AWS SDK, and paired ratios. */
export async function compareCore(ref, { runtimes = RUNTIMES, rounds = 25, calls = 500 } = {}) {
  const entry = writeEntry(ref);
  const results = {};
  for (const runtime of runtimes) {
    results[runtime] = await inRuntime(runtime, entry, (rt) => rt.call("run", { rounds, calls }));
  }
  return results;
}

if (isMain(import.meta.url)) {
  const [ref = "HEAD", ...names] = process.argv.slice(2);
  const runtimes = names.length > 0 ? names : RUNTIMES;
  const results = await compareCore(ref, { runtimes });
  console.log(
    `| runtime | ${ref}, µs per invoke | the tree, µs | the tree faster by (paired) | AWS SDK, µs | AWS SDK ÷ ${ref} | AWS SDK ÷ the tree |`,
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [runtime, r] of Object.entries(results)) {
    console.log(
      `| ${runtime} | ${r.us.before.toFixed(0)} | ${r.us.after.toFixed(0)} | ${r.afterFaster.toFixed(2)}× | ${r.us.sdk.toFixed(0)} | ${r.sdkOverBefore.toFixed(2)}× | ${r.sdkOverAfter.toFixed(2)}× |`,
    );
  }
}
