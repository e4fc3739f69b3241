import { VECTORS_DIR } from "@sagefetch/testing/vitestProjects";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@vectors": VECTORS_DIR } },
  test: {
    // A fresh worker per test file is deliberate (each file has its own mock and globals): no
    // hints after the run about running faster without it.
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
