import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { resolveAs, SOURCE_CONDITIONS, WORKERD_MINIFLARE } from "@sagefetch/testing/resolveAs";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = SOURCE_CONDITIONS;

// The provider as the AI SDK drives it, against the mock's handlers through a fetch that asks
// them directly: the same file in Node, workerd and the edge runtime.
const portable = ["src/**/*.test.ts", "test/portable/**/*.test.ts"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  server: { fs: { allow: ["../.."] } },
  test: {
    // A fresh worker per test file is deliberate: no hints after the run about running without it.
    experimental: { diagnostics: false },
    setupFiles: ["test/quietWarnings.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: [...portable, "test/node/**/*.test.ts"],
        },
      },
      {
        // A stock useChat page in Debian's Chromium, through the relay, against the emulator.
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [resolveAs("workerd"), cloudflareTest({ miniflare: WORKERD_MINIFLARE })],
        test: { name: "workerd", include: portable },
      },
      {
        extends: true,
        plugins: [resolveAs("edge")],
        test: { name: "edge", environment: "edge-runtime", include: portable },
      },
    ],
  },
});
