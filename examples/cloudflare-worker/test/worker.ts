import type { Readable } from "node:stream";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import wranglerToml from "../wrangler.toml?raw";

const exampleDir = decodeURIComponent(new URL("..", import.meta.url).pathname);

/** wrangler.toml's compatibility settings, so that the tests run the Worker as deployed. */
function compatibility(): { compatibilityDate: string; compatibilityFlags: string[] } {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(wranglerToml)?.[1];
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(wranglerToml)?.[1] ?? "";
  if (!date) throw new Error("wrangler.toml has no compatibility_date");
  return {
    compatibilityDate: date,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((match) => match[1] as string),
  };
}

/**
 * src/index.ts bundled as wrangler bundles it, for a neutral platform: nothing outside the
 * sources and the workspace packages can be resolved, so a `node:` import fails the build.
 * The packages resolve to their sources (`@sagefetch/source`), so no build is needed.
 */
export async function bundleWorker(
  entry = "src/index.ts",
): Promise<{ code: string; imports: string[] }> {
  const result = await build({
    absWorkingDir: exampleDir,
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["@sagefetch/source", "workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile?.outputs ?? {});
  return {
    code: result.outputFiles?.[0]?.text ?? "",
    imports: outputs.flatMap((output) => output.imports.map((i) => i.path)),
  };
}

/** What the Workers wrote to their console (workerd's stdout and stderr), not yet taken. */
const workerOutput: string[] = [];

/**
 * Takes what the Workers wrote to their console so far, for a test that makes a Worker log on
 * purpose. What no test takes is not printed either: a test that expects no log can check
 * that this is empty.
 */
export function takeWorkerOutput(): string {
  return workerOutput.splice(0).join("");
}

/**
 * One Worker per set of bindings, each answering on its own host (`http://{name}.test/`),
 * running `code` (or its own `code`).
 */
export async function startWorkers(
  code: string,
  workers: Record<string, Record<string, string> & { code?: string }>,
): Promise<Miniflare> {
  const mf = new Miniflare({
    workers: Object.entries(workers).map(([name, { code: own, ...bindings }]) => ({
      name,
      routes: [`${name}.test/*`],
      modules: [{ type: "ESModule" as const, path: "index.js", contents: own ?? code }],
      ...compatibility(),
      bindings,
    })),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) {
        stream.on("data", (chunk: Buffer) => workerOutput.push(chunk.toString()));
      }
    },
  });
  await mf.ready;
  return mf;
}
