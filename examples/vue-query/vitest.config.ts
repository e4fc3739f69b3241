import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

// The app's own Vite config (conditions, plugins), and what its tests in Chromium add.
export default mergeConfig(
  viteConfig,
  defineConfig({
    server: { fs: { allow: ["../.."] } },
    // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
    optimizeDeps: { include: ["vue", "@tanstack/vue-query", "msw/browser"] },
    test: exampleChromiumTest("vue-query", ["test/**/*.test.ts"]),
  }),
);
