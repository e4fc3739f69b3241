import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "@sagefetch/testing/chromium";
import { playwright } from "@vitest/browser-playwright";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

// The app's tests run in Chromium (Debian's, see @sagefetch/testing/chromium.ts): missing on CI is
// an error; missing elsewhere leaves them out, with one line saying how to install it.
const chromium = chromiumAvailable("The vue-query example's tests");

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
