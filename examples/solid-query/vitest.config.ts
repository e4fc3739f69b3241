import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "@sagefetch/testing/chromium";
import { playwright } from "@vitest/browser-playwright";
import { msw } from "msw/vite";
import { defaultClientConditions } from "vite";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

// The app's tests run in Chromium (Debian's, see @sagefetch/testing/chromium.ts): missing on CI is
// an error; missing elsewhere leaves them out, with one line saying how to install it.
const chromium = chromiumAvailable("The solid-query example's tests");

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  server: { fs: { allow: ["../.."] } },
  // Solid's JSX compiler; /mockServiceWorker.js for MSW's setupWorker (no `virtual:msw` module).
  plugins: [solid(), msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run reloads the page.
  optimizeDeps: { include: ["solid-js", "solid-js/web", "@tanstack/solid-query", "msw/browser"] },
  test: chromium
    ? {
        name: "chromium",
        // Said so that vite-plugin-solid does not pick jsdom for us (the tests run in Chromium).
        environment: "node",
        include: ["test/**/*.test.tsx"],
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
    : { environment: "node", include: [], passWithNoTests: true },
});
