import {
  BROWSER_CONDITIONS,
  chromiumBrowser,
  ifChromium,
  transportAlias,
} from "@sagefetch/testing/vitestProjects";
import { msw } from "msw/vite";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = ["@sagefetch/source"];

// How the tests reach the MSW mock (@sagefetch/testing's transports): in happy-dom the client is
// given a fetch that asks the handlers directly (happy-dom's own fetch applies CORS to the page's
// origin, which the service does not answer); in Chromium, MSW's service worker answers the real
// fetch.

// The hooks' logic, in a DOM (happy-dom) against the mock's handlers; the SSR tests
// pick the node environment themselves (no window).
const dom = [
  "src/**/*.test.{ts,tsx}",
  "test/dom/**/*.test.{ts,tsx}",
  "test/ssr/**/*.test.{ts,tsx}",
];

// Chromium: Debian's (see @sagefetch/testing's chromium.ts).
const chromiumProjects = ifChromium({
  extends: true,
  // Serves /mockServiceWorker.js for MSW's setupWorker (worker only: no `virtual:msw` module).
  plugins: [msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run makes it reload the page,
  // which breaks the test files loading at that moment.
  optimizeDeps: {
    include: [
      "react",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "react-dom",
      "react-dom/client",
      "@tanstack/react-query",
      "@testing-library/react",
      "@tanstack/react-query-devtools/production",
      "msw/browser",
    ],
  },
  resolve: { alias: transportAlias("browser"), conditions: BROWSER_CONDITIONS },
  test: {
    name: "chromium",
    provide: { react: "19" },
    include: ["test/browser/**/*.test.{ts,tsx}"],
    browser: chromiumBrowser(),
  },
});

export default defineConfig({
  resolve: { conditions },
  server: { fs: { allow: ["../.."] } },
  ssr: { resolve: { conditions } },
  test: {
    // A fresh worker per test file is deliberate (each file has its own mock and globals): no
    // hints after the run about running faster without it.
    experimental: { diagnostics: false },
    projects: [
      {
        extends: true,
        resolve: { alias: transportAlias("fetch") },
        test: { name: "dom", environment: "happy-dom", include: dom, provide: { react: "19" } },
      },
      {
        extends: true,
        resolve: { alias: transportAlias("fetch") },
        test: {
          name: "react18",
          environment: "happy-dom",
          include: dom,
          provide: { react: "18" },
          // React 18 and its react-dom in place of 19, for every importer (see the file).
          setupFiles: ["test/harness/react18.mjs"],
        },
      },
      ...chromiumProjects,
    ],
  },
});
