import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { chromiumAvailable, projectSelected } from "../../scripts/testing/chromium";
import { resolveAs, SOURCE_CONDITIONS, WORKERD_MINIFLARE } from "../../scripts/testing/resolveAs";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = SOURCE_CONDITIONS;

// What every runtime runs: the relay's unit tests, and the relay between sagefetch's client
// and the MSW mock (signatures checked downstream). Node alone also runs the bundle check, and
// the e2e project drives Chromium through the relay in workerd.
const portable = ["src/**/*.test.ts", "test/portable/**/*.test.ts"];

// Chromium: Debian's (see scripts/testing/chromium.ts). Missing on CI is an error; missing
// elsewhere leaves the project out, with one line saying how to install it.
function e2eProjects(): TestProjectInlineConfiguration[] {
  if (!projectSelected("e2e")) return [];
  return chromiumAvailable("The e2e test project") ? [e2eProject] : [];
}

const e2eProject: TestProjectInlineConfiguration = {
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
};

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
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
      ...e2eProjects(),
      {
        extends: true,
        plugins: [resolveAs("workerd"), cloudflareTest({ miniflare: WORKERD_MINIFLARE })],
        test: { name: "workerd", include: portable, provide: { runtime: "workerd" } },
      },
      {
        extends: true,
        plugins: [resolveAs("edge")],
        test: {
          name: "edge",
          environment: "edge-runtime",
          include: portable,
          provide: { runtime: "edge" },
        },
      },
    ],
  },
});
