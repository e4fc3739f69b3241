import { transportAlias } from "@sagefetch/testing/vitestProjects";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: {
    conditions,
    // Node: MSW's setupServer intercepts the global fetch, as in core's tests.
    alias: transportAlias("node"),
  },
  ssr: { resolve: { conditions } },
  test: {
    // A fresh worker per test file is deliberate: no hints after the run about running without it.
    experimental: { diagnostics: false },
    name: "node",
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: false },
  },
});
