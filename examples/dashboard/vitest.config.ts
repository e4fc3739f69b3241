import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), in the
// tests' Node environment too (its resolution is the SSR one), so no package build is needed.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The end-to-end file builds the app and drives Chromium: give its hooks room.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
