import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  // Vue's compile-time flags, set as a bundler would (Vue warns when they are not).
  define: {
    __VUE_OPTIONS_API__: "true",
    __VUE_PROD_DEVTOOLS__: "false",
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
  },
  server: { fs: { allow: ["../.."] } },
  // Serves /mockServiceWorker.js for MSW's setupWorker (worker only: no `virtual:msw` module).
  plugins: [msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
  optimizeDeps: { include: ["vue", "@tanstack/vue-query", "msw/browser"] },
  test: exampleChromiumTest("vue-query", ["test/**/*.test.ts"]),
});
