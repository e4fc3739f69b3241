import type { Plugin } from "vitest/config";

/** Workspace packages resolve to their sources, so tests run on the code in the tree. */
export const SOURCE_CONDITIONS: string[] = ["@sagefetch/source"];

/** Each web runtime's export conditions, in the order its bundlers try them. */
const RUNTIME_CONDITIONS = {
  workerd: ["workerd", "worker", "module", "browser", "development|production"],
  edge: ["edge-light", "worker", "browser", "module", "development|production"],
};

/**
 * How the workerd projects run (`cloudflareTest({ miniflare: WORKERD_MINIFLARE })`): a
 * compatibility date before 2026-08-04, from which `nodejs_compat` is on by default, and no Node
 * flag, since core and the relay must not need Node APIs. (The plugin turns on
 * `nodejs_compat_v2` and a few `node:` modules for Vitest's own runner all the same.)
 */
export const WORKERD_MINIFLARE = {
  compatibilityDate: "2026-08-01",
  // Vitest's runner probes `node:inspector` in a try/catch; without the module the plugin
  // prints an error for every test file.
  compatibilityFlags: ["enable_nodejs_inspector_module"],
};

/**
 * Resolves packages in Vite's `ssr` environment, where Vitest runs the workerd and edge
 * projects' modules, with a web runtime's export conditions instead of the Node ones Vitest
 * seeds it with (`node` would pick e.g. @mswjs/interceptors' Node build).
 */
export function resolveAs(runtime: keyof typeof RUNTIME_CONDITIONS): Plugin {
  return {
    name: `sagefetch:resolve-as-${runtime}`,
    enforce: "post",
    configEnvironment(name, config) {
      if (name !== "ssr") return;
      const list = config.resolve?.conditions;
      if (!list) return;
      const wanted = [...new Set([...SOURCE_CONDITIONS, ...RUNTIME_CONDITIONS[runtime]])];
      list.splice(0, list.length, ...wanted);
    },
  };
}
