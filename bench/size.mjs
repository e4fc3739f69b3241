// Browser bundle sizes, as an app's bundler would make them: esbuild, ESM, minified, code
// splitting on (so code behind a dynamic import() is not counted as loaded), then gzip of
// what the page loads at once (the entry and the chunks it imports statically).
// `--check` fails when a sagefetch bundle is over its budget in budgets.json, or when a size
// quoted in a README disagrees with the measurement; without it, those READMEs are rewritten.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { syncReadmeFigures } from "./lib/readmeFigures.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const outRoot = join(here, ".out", "size");
const budgets = JSON.parse(readFileSync(join(here, "budgets.json"), "utf8"));

/** The AI SDK itself: an app using any AI SDK provider has it already. */
const AI_EXTERNAL = ["ai", "ai/*"];

const REACT_EXTERNAL = ["react", "react/*", "react-dom", "react-dom/*", "@tanstack/*"];
const QUERY_EXTERNAL = ["@tanstack/*"];

export const ENTRIES = [
  { id: "sagefetch-invoke", label: "sagefetch: invoke", peer: "aws-sdk-invoke" },
  { id: "aws-sdk-invoke", label: "@aws-sdk/client-sagemaker-runtime: invoke" },
  { id: "aws4fetch-invoke", label: "aws4fetch: signed fetch (no retries, errors, validation)" },
  {
    id: "sagefetch-stream",
    label: "sagefetch: invoke + stream (with the token reader)",
    peer: "aws-sdk-stream",
    total: true,
  },
  { id: "aws-sdk-stream", label: "@aws-sdk/client-sagemaker-runtime: invoke + stream" },
  { id: "sagefetch-stream-text", label: "sagefetch: invoke + stream, read as text" },
  {
    id: "sagefetch-chat",
    label: "sagefetch: invoke + stream + chat events + bearer token",
  },
  {
    id: "sagefetch-cognito",
    label: "sagefetch: invoke + Cognito Identity Pool provider",
    peer: "aws-sdk-cognito",
  },
  {
    id: "aws-sdk-cognito",
    label: "@aws-sdk/client-sagemaker-runtime + credential-provider-cognito-identity",
  },
  {
    id: "sagefetch-cognito-alone",
    label: "Cognito provider alone: sagefetch",
    peer: "aws-sdk-cognito-alone",
    // The AWS SDK's provider loads its Cognito client on first use: a signed-in app pays it.
    total: true,
  },
  {
    id: "aws-sdk-cognito-alone",
    label: "Cognito provider alone: @aws-sdk/credential-provider-cognito-identity",
  },
  {
    id: "sagefetch-decoder",
    label: "event-stream decoder alone: sagefetch",
    peer: "smithy-codec-decoder",
  },
  { id: "smithy-codec-decoder", label: "event-stream decoder alone: @smithy/eventstream-codec" },
  // @sagefetch/react, measured once the package exists: what an app using every hook loads
  // (react.ts) on top of the same app's core without the hooks (react-core.ts). Both entries
  // are the React engineer's; React, react-dom and TanStack Query are left out of both.
  {
    id: "react-core",
    label: "core as a React app uses it (invoke, stream, sessions), no hooks",
    requires: "packages/react/src/index.ts",
    external: REACT_EXTERNAL,
  },
  {
    id: "react",
    label: "@sagefetch/react: every hook and the provider, with that core",
    requires: "packages/react/src/index.ts",
    external: REACT_EXTERNAL,
  },
  // @sagefetch/query: every option factory and the keys (query.ts) on top of the same app's core
  // without them (query-core.ts); @tanstack/query-core left out of both (the adapter brings it).
  {
    id: "query-core",
    label: "core as a TanStack Query app uses it (invoke, stream), no options",
    requires: "packages/query/src/index.ts",
    external: QUERY_EXTERNAL,
  },
  {
    id: "query",
    label: "@sagefetch/query: every option factory and the keys, with that core",
    requires: "packages/query/src/index.ts",
    external: QUERY_EXTERNAL,
  },
  // @sagefetch/ai: what the provider and the transport add to the core a chat app uses anyway,
  // next to what a user would pick instead (both with their own dependencies, `ai` excluded).
  {
    id: "ai-core",
    label: "core as a chat app uses it (client, stream, chat events, bearer tokens)",
  },
  {
    id: "ai",
    label: "@sagefetch/ai: the AI SDK provider, with that core",
    external: AI_EXTERNAL,
  },
  {
    id: "ai-openai-compatible",
    label: "@ai-sdk/openai-compatible + aws4fetch for the token",
    external: AI_EXTERNAL,
  },
  { id: "ai-bedrock", label: "@ai-sdk/amazon-bedrock (for comparison)", external: AI_EXTERNAL },
  // @sagefetch/relay as a Worker or an Edge function bundles it; the signing mode brings core's
  // signer (an optional peer) with it.
  { id: "relay", label: "@sagefetch/relay: the forwarding relay" },
  { id: "relay-signing", label: "@sagefetch/relay/signing: the relay that signs with its own key" },
].filter(
  (entry) =>
    entry.requires === undefined ||
    (existsSync(join(root, entry.requires)) && entryFile(entry.id) !== undefined),
);

/** The entry's source: bench/entries/<id>.mjs, or .ts / .tsx / .js. */
function entryFile(id) {
  return [".mjs", ".ts", ".tsx", ".js"]
    .map((ext) => join(here, "entries", `${id}${ext}`))
    .find((file) => existsSync(file));
}

/** Entries that wait for a package still being written, and why they are not measured. */
export const PENDING = ["react-core", "react"]
  .filter((id) => !ENTRIES.some((entry) => entry.id === id))
  .map((id) => ({
    id,
    why: () =>
      !existsSync(join(root, "packages/react/src/index.ts"))
        ? "packages/react/src/index.ts does not exist yet"
        : `bench/entries/${id}.(ts|tsx|mjs) does not exist yet`,
  }));

async function measure({ id, external = [] }) {
  const outdir = join(outRoot, id);
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [entryFile(id)],
    external,
    jsx: "automatic",
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir,
    metafile: true,
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const imported of outputs[file].imports) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const code = Buffer.concat([...eager].map((file) => readFileSync(file)));
  // Everything the bundler emitted, lazy chunks included (the AWS SDK loads its event-stream
  // code on first use: a streaming app pays for it then).
  const everything = Buffer.concat(
    Object.keys(outputs)
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(f)),
  );
  return {
    id,
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    totalGzip: gzipSync(everything, { level: 9 }).length,
  };
}

export async function measureSizes() {
  mkdirSync(outRoot, { recursive: true });
  const sizes = {};
  for (const entry of ENTRIES) sizes[entry.id] = await measure(entry);
  return sizes;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  writeFileSync(join(here, ".out", "size.json"), JSON.stringify(sizes, null, 2));
  let failed = false;
  for (const { id, label, peer, total } of ENTRIES) {
    const { gzip, minified, totalGzip } = sizes[id];
    const size = (entry) => (total ? sizes[entry].totalGzip : sizes[entry].gzip);
    const ratio = peer
      ? ` (${(size(peer) / size(id)).toFixed(1)}× smaller than ${peer}${total ? ", lazy chunks counted" : ""})`
      : "";
    // A budget is a byte count, or { onTopOf, max }: what an entry may add to another.
    const budget = budgets[id];
    const measured = typeof budget === "object" ? gzip - sizes[budget.onTopOf].gzip : gzip;
    const max = typeof budget === "object" ? budget.max : budget;
    const what =
      typeof budget === "object"
        ? `${kib(measured)} on top of ${budget.onTopOf}, budget`
        : "budget";
    const verdict =
      max === undefined
        ? ""
        : measured <= max
          ? ` ✓ ${what} ${kib(max)}`
          : ` ✗ OVER ${what} ${kib(max)}`;
    if (max !== undefined && measured > max) failed = true;
    const lazy = totalGzip > gzip + 64 ? ` (+ lazy chunks: ${kib(totalGzip)} in all)` : "";
    console.log(`${label}: ${kib(gzip)} gzip, ${kib(minified)} minified${lazy}${ratio}${verdict}`);
  }
  for (const { id, why } of PENDING) console.log(`${id}: not measured (${why()})`);
  const check = process.argv.includes("--check");
  // The sizes quoted in the READMEs' prose come from this measurement (bench/lib/readmeFigures.mjs).
  const figures = syncReadmeFigures(root, sizes, { write: !check });
  for (const line of [...figures.problems, ...figures.stale]) console.log(`README figure: ${line}`);
  if (!check && figures.stale.length)
    console.log(`README figures rewritten: ${figures.stale.length}`);
  if (check && failed)
    console.error("size check failed: a bundle is over its budget (bench/budgets.json)");
  if (check && (figures.stale.length || figures.problems.length)) {
    console.error(
      "size check failed: README figures disagree with the measurement (run `pnpm bench:size:write`)",
    );
  }
  if (check && (failed || figures.stale.length || figures.problems.length)) process.exit(1);
}
