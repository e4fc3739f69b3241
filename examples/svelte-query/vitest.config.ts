import { exampleChromiumTest } from "@sagefetch/testing/vitestProjects";
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

// The app's own Vite config (conditions, plugins), and what its tests in Chromium add.
export default mergeConfig(
  viteConfig,
  defineConfig({
    server: { fs: { allow: ["../.."] } },
    // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
    // (Svelte and Svelte Query are left to vite-plugin-svelte, which compiles their components.)
    optimizeDeps: { include: ["msw/browser"] },
    test: exampleChromiumTest("svelte-query", ["test/**/*.test.ts"]),
  }),
);
