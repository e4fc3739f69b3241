import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  server: { fs: { allow: ["../.."] } },
  // Svelte's compiler; /mockServiceWorker.js for MSW's setupWorker (no `virtual:msw` module).
  plugins: [svelte(), msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
  // (Svelte and Svelte Query are left to vite-plugin-svelte, which compiles their components.)
  optimizeDeps: { include: ["msw/browser"] },
  test: exampleChromiumTest("svelte-query", ["test/**/*.test.ts"]),
});
