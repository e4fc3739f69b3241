import { SOURCE_CONDITIONS } from "@sagefetch/testing/resolveAs";
import {
  BROWSER_CONDITIONS,
  chromiumBrowser,
  ifChromium,
  transportAlias,
  VECTORS_DIR,
  webRuntimeProject,
} from "@sagefetch/testing/vitestProjects";
import { msw } from "msw/vite";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = SOURCE_CONDITIONS;

// What every runtime runs: the unit tests, input validation, the client against the MSW mock,
// and the check that the project really runs where its name says. The node project alone also
// runs test/differential/** (AWS SDK, Node APIs) and test/runs-in/neutral-bundle.test.ts.
const portable = [
  "src/**/*.test.ts",
  "test/validation.test.ts",
  "test/client-against-mock/**/*.test.ts",
  "test/runs-in/which-runtime.test.ts",
  "test/relay/**/*.test.ts",
  // The secrets guard's own test: it is a setup file of every project.
  "test/secrets/guard.test.ts",
  // Bearer tokens never in errors, wherever they are made and used.
  "test/secrets/bearerTokens.test.ts",
];
// The fault matrix against the MSW mock runs in workerd and the edge runtime too; not
// in Chromium, whose service worker does not pass cuts and cancels through faithfully (see
// test/client-against-mock/stream.test.ts). Its emulator part, the fuzz suite and the secrets check
// over 44 failure paths (test/faults/emulator.test.ts, test/fuzz/**, test/secrets/secrets.test.ts)
// run in the node project only; the secrets guard is on in every project.
const faultMatrix = [
  "test/faults/networkAndStreams.test.ts",
  "test/faults/retryStorms.test.ts",
  "test/faults/abortStages.test.ts",
  "test/faults/credentialExpiry.test.ts",
];
// Node and Chromium only: the AWS SDK's own Cognito provider, as front-end apps use it.
const nodeAndBrowser = ["test/aws-sdk-cognito-provider/**/*.test.ts"];

// Chromium: Debian's (see @sagefetch/testing's chromium.ts).
const chromiumProjects = ifChromium({
  extends: true,
  // Serves /mockServiceWorker.js for MSW's setupWorker (worker only: no `virtual:msw` module).
  plugins: [msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run makes it reload the page,
  // which breaks the test files loading at that moment.
  optimizeDeps: {
    include: [
      "@aws-sdk/credential-provider-cognito-identity",
      "@aws-sdk/client-cognito-identity",
      "fast-check",
      "openai",
      "ai",
      "@ai-sdk/openai-compatible",
    ],
  },
  resolve: { alias: transportAlias("browser"), conditions: BROWSER_CONDITIONS },
  test: {
    name: "chromium",
    include: [...portable, ...nodeAndBrowser],
    provide: { runtime: "chromium" },
    browser: chromiumBrowser(),
  },
});

export default defineConfig({
  resolve: { conditions, alias: { "@vectors": VECTORS_DIR } },
  ssr: { resolve: { conditions } },
  test: {
    // A fresh worker per test file is deliberate (each file has its own mock and globals): no
    // hints after the run about running faster without it.
    experimental: { diagnostics: false },
    // In every project (each runtime words its platform errors its own way): fails any test in
    // which a secret, a session token, a Body or CustomAttributes given to the client shows in
    // an error, a log line or console output (test/secrets/).
    setupFiles: ["test/secrets/guard.setup.ts"],
    // botocore's bearer tokens for the fixed cases, which every project compares ours with.
    globalSetup: ["test/harness/botocoreTokens.globalSetup.ts"],
    projects: [
      {
        extends: true,
        resolve: { alias: transportAlias("node") },
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          provide: { runtime: "node" },
        },
      },
      ...chromiumProjects,
      webRuntimeProject("workerd", [...portable, ...faultMatrix], {
        resolve: { alias: transportAlias("fetch") },
      }),
      webRuntimeProject("edge", [...portable, ...faultMatrix], {
        resolve: { alias: transportAlias("fetch") },
      }),
    ],
  },
});
