import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

// The app's own Vite config (conditions, plugins), and what its tests in Chromium add.
export default mergeConfig(
  viteConfig,
  defineConfig({
    server: { fs: { allow: ["../.."] } },
    // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
    optimizeDeps: { include: ["solid-js", "solid-js/web", "@tanstack/solid-query", "msw/browser"] },
    // `environment` said so that vite-plugin-solid does not pick jsdom for us (they run in Chromium).
    test: exampleChromiumTest("solid-query", ["test/**/*.test.tsx"], { environment: "node" }),
  }),
);
