import type { Plugin } from "vitest/config";

/** Workspace packages resolve to their sources, so tests run on the code in the tree. */
export const SOURCE_CONDITIONS: string[] = ["@sagefetch/source"];

/**
 * Resolves packages in Vite's `ssr` environment, where Vitest runs the workerd and edge
 * projects' modules, with a web runtime's export conditions instead of the Node ones Vitest
 * seeds it with (`node` would pick e.g. @mswjs/interceptors' Node build).
 */
export function resolveAs(runtime: string, runtimeConditions: string[]): Plugin {
  return {
    name: `sagefetch:resolve-as-${runtime}`,
    enforce: "post",
    configEnvironment(name, config) {
      if (name !== "ssr") return;
      const list = config.resolve?.conditions;
      if (!list) return;
      const wanted = [...new Set([...SOURCE_CONDITIONS, ...runtimeConditions])];
      list.splice(0, list.length, ...wanted);
    },
  };
}
