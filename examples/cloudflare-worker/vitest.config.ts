import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources, so the tests need no build. The Worker itself
// runs in workerd (miniflare, test/worker.ts); these files run in Node and drive it.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // No hints after the run about running faster without a worker per file.
    experimental: { diagnostics: false },
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
