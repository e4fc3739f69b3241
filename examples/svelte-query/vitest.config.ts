import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "@sagefetch/testing/chromium";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { playwright } from "@vitest/browser-playwright";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

// The app's tests run in Chromium (Debian's, see @sagefetch/testing/chromium.ts): missing on CI is
// an error; missing elsewhere leaves them out, with one line saying how to install it.
const chromium = chromiumAvailable("The svelte-query example's tests");

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  server: { fs: { allow: ["../.."] } },
  // Svelte's compiler; /mockServiceWorker.js for MSW's setupWorker (no `virtual:msw` module).
  plugins: [svelte(), msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
  // (Svelte and Svelte Query are left to vite-plugin-svelte, which compiles their components.)
  optimizeDeps: { include: ["msw/browser"] },
  test: chromium
    ? {
        name: "chromium",
        include: ["test/**/*.test.ts"],
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({
            launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
          }),
          instances: [{ browser: "chromium", name: "chromium" }],
        },
      }
    : { include: [], passWithNoTests: true },
});
