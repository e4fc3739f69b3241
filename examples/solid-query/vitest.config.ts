import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  server: { fs: { allow: ["../.."] } },
  // Solid's JSX compiler; /mockServiceWorker.js for MSW's setupWorker (no `virtual:msw` module).
  plugins: [solid(), msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
  optimizeDeps: { include: ["solid-js", "solid-js/web", "@tanstack/solid-query", "msw/browser"] },
  // `environment` said so that vite-plugin-solid does not pick jsdom for us (they run in Chromium).
  test: exampleChromiumTest("solid-query", ["test/**/*.test.tsx"], { environment: "node" }),
});
