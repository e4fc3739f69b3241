import { SOURCE_CONDITIONS } from "@sagefetch/testing/resolveAs";
import { ifChromium, webRuntimeProject } from "@sagefetch/testing/vitestProjects";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = SOURCE_CONDITIONS;

// What every runtime runs: the relay's unit tests, and the relay between sagefetch's client
// and the MSW mock (signatures checked downstream). Node alone also runs the bundle check, and
// the e2e project drives Chromium through the relay in workerd.
const portable = ["src/**/*.test.ts", "test/portable/**/*.test.ts"];

// Drives Debian's Chromium (see @sagefetch/testing's chromium.ts), left out where it is missing.
const e2eProjects = ifChromium({
  extends: true,
  test: {
    name: "e2e",
    environment: "node",
    include: ["test/e2e/**/*.test.ts"],
    provide: { runtime: "node" },
    // A browser, a workerd process and three servers: slower than a unit test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // A fresh worker per test file is deliberate (each file has its own mock and globals): no
    // hints after the run about running faster without it.
    experimental: { diagnostics: false },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: [...portable, "test/node/**/*.test.ts"],
          provide: { runtime: "node" },
        },
      },
      ...e2eProjects,
      webRuntimeProject("workerd", portable),
      webRuntimeProject("edge", portable),
    ],
  },
});
