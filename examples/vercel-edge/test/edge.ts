import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";

const exampleDir = decodeURIComponent(new URL("..", import.meta.url).pathname);

/**
 * An `api/` function bundled as Vercel bundles it for the Edge runtime, but for a neutral
 * platform: nothing outside the sources and the workspace packages (`@sagefetch/source`: their
 * sources, no build needed) can be resolved, so a `node:` import fails the build. A script that
 * sets the global `edgeFunction` to the module's exports, for EdgeVM to evaluate.
 */
export async function bundleFunction(entry: string): Promise<{ code: string; imports: string[] }> {
  const result = await build({
    absWorkingDir: exampleDir,
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName: "edgeFunction",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["@sagefetch/source", "edge-light", "worker", "browser"],
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

/** What a test drives: the function's handler, and the VM's own Request and AbortController. */
export interface EdgeFunction {
  vm: EdgeVM;
  config: unknown;
  handler: (request: Request) => Promise<Response>;
  Request: typeof Request;
  AbortController: typeof AbortController;
}

/**
 * The bundle running in @edge-runtime/vm (Vercel's Edge runtime: web APIs only, no Node
 * global), with `process.env` set to `env` as Vercel sets it for Edge Functions.
 */
export function startFunction(code: string, env: Record<string, string>): EdgeFunction {
  const vm = new EdgeVM();
  vm.evaluate(`globalThis.process = { env: ${JSON.stringify(env)} };`);
  vm.evaluate(code);
  return {
    vm,
    config: vm.evaluate("edgeFunction.config"),
    handler: vm.evaluate("edgeFunction.default"),
    Request: vm.context.Request as unknown as typeof Request,
    AbortController: vm.context.AbortController as unknown as typeof AbortController,
  };
}
