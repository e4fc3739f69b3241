import { defineConfig } from "vitest/config";

// Workspace packages (@sagefetch/msw) resolve to their sources: tests need no build of them.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // A fresh worker per test file is deliberate: no hints after the run about running without it.
    experimental: { diagnostics: false },
    environment: "node",
    include: ["src/**/*.test.ts"],
    // Many tests spawn processes (the bin, the AWS CLI): on a busy 2-core CI machine one can
    // take seconds to start. Generous limits, so that only a real hang fails.
    testTimeout: 60_000,
    // The AWS CLI's own setup (`aws configure add-model`) is a Python start-up or two.
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
