// Cold start in workerd (through miniflare): the time from `new Miniflare()` with the bundled
// Worker to the first answered `dispatchFetch`; the Worker imports the client and constructs
// it on its first request. Bundled with esbuild as wrangler would (browser and workerd
// conditions, ESM, not minified). "Empty Worker" answers without importing anything: the
// cost of starting workerd itself, subtracted to show what each package adds.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { isMain, rotated, summarize } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, ".out", "cold-workerd");
const credentials = `{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }`;
// The bundled workerd rejects compatibility dates after its own release.
const compatibilityDate = "2026-07-01";

const WORKERS = {
  sagefetch: `import { SageMakerRuntimeClient } from "@sagefetch/core";
const make = () => new SageMakerRuntimeClient({ region: "us-east-1", credentials: ${credentials} });`,
  "@aws-sdk/client-sagemaker-runtime": `import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
const make = () => new SageMakerRuntimeClient({ region: "us-east-1", credentials: ${credentials} });`,
  aws4fetch: `import { AwsClient } from "aws4fetch";
const make = () => new AwsClient({ ...${credentials}, service: "sagemaker", region: "us-east-1" });`,
  "empty Worker": "const make = () => ({});",
};

async function bundle(name, source, i) {
  const outfile = join(dir, `worker-${i}.mjs`);
  await build({
    stdin: {
      contents: `${source}
let client;
export default {
  async fetch() {
    client ??= make();
    return new Response(typeof client);
  },
};`,
      resolveDir: here,
      loader: "js",
      sourcefile: `${name}.mjs`,
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    outfile,
    logLevel: "error",
  });
  return readFileSync(outfile, "utf8");
}

async function coldStart(script) {
  const start = performance.now();
  const mf = new Miniflare({ modules: true, script, compatibilityDate });
  try {
    const response = await mf.dispatchFetch("http://localhost/");
    const text = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200 || text !== "object")
      throw new Error(`the Worker answered ${text}`);
    return ms;
  } finally {
    await mf.dispose();
  }
}

export async function measureColdWorkerd({ runs = 21 } = {}) {
  mkdirSync(dir, { recursive: true });
  const scripts = {};
  let i = 0;
  for (const [name, source] of Object.entries(WORKERS)) {
    scripts[name] = await bundle(name, source, i++);
  }
  for (const script of Object.values(scripts)) await coldStart(script); // warm the disk cache
  const samples = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, script] of rotated(scripts, run)) {
      samples[name].push(await coldStart(script));
    }
  }
  // What each package adds, paired: its start minus the empty Worker's in the same round, so
  // that a slow moment of the machine (workerd's own start varies most) cancels out.
  const empty = samples["empty Worker"];
  return Object.fromEntries(
    Object.entries(samples).map(([name, ms]) => [
      name,
      {
        ...summarize(ms),
        added: summarize(ms.map((x, run) => x - empty[run])),
        bytes: Buffer.byteLength(scripts[name]),
      },
    ]),
  );
}

if (isMain(import.meta.url)) {
  for (const [name, r] of Object.entries(await measureColdWorkerd())) {
    console.log(
      `${name}: ${r.median.toFixed(1)} ms (IQR ${r.p25.toFixed(1)}–${r.p75.toFixed(1)}), ${r.added.median.toFixed(1)} ms (IQR ${r.added.p25.toFixed(1)}–${r.added.p75.toFixed(1)}) over an empty Worker, script ${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
}
