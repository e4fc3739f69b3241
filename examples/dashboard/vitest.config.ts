import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@sagefetch/source"] },
  test: {
    // No hints after the run about running faster without a worker per file.
    experimental: { diagnostics: false },
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The end-to-end file builds the app and drives Chromium: give its hooks room.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
