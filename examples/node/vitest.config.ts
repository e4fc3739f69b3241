import { defineConfig } from "vitest/config";

// The CLI runs as users run it: a child `node` process on the packages' built output
// (turbo builds them before `test`), against the emulator started in the test process.
export default defineConfig({
  test: {
    // No hints after the run about running faster without a worker per file.
    experimental: { diagnostics: false },
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
