import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { msw } from "msw/vite";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  chromiumAvailable,
  projectSelected,
} from "../../scripts/testing/chromium";
import { resolveAs, SOURCE_CONDITIONS, WORKERD_MINIFLARE } from "../../scripts/testing/resolveAs";

// The public test vectors, copied into the repository with their licences.
const vectors = fileURLToPath(new URL("../testing/vectors", import.meta.url));

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = SOURCE_CONDITIONS;

/** How the runtime tests reach the MSW mock in each runtime (see test/harness/transport.*.ts). */
const transport = (name: "node" | "browser" | "fetch") => ({
  "#transport": fileURLToPath(new URL(`test/harness/transport.${name}.ts`, import.meta.url)),
});

// What every runtime runs: the unit tests, input validation, the client against the MSW mock,
// and the check that the project really runs where its name says. The node project alone also
// runs test/differential/** (AWS SDK, Node APIs) and test/runtimes/neutral-bundle.test.ts.
const portable = [
  "src/**/*.test.ts",
  "test/validation.test.ts",
  "test/runtime/**/*.test.ts",
  "test/runtimes/which-runtime.test.ts",
  "test/relay/**/*.test.ts",
  // The secrets guard's own test: it is a setup file of every project.
  "test/secrets/guard.test.ts",
];
// The fault matrix against the MSW mock runs in workerd and the edge runtime too; not
// in Chromium, whose service worker does not pass cuts and cancels through faithfully (see
// test/runtime/stream.test.ts). Its emulator part, the fuzz suite and the secrets check
// over 44 failure paths (test/faults/emulator.test.ts, test/fuzz/**, test/secrets/secrets.test.ts)
// run in the node project only; the secrets guard is on in every project.
const faultMatrix = [
  "test/faults/networkAndStreams.test.ts",
  "test/faults/retryStorms.test.ts",
  "test/faults/abortStages.test.ts",
  "test/faults/credentialExpiry.test.ts",
];
// Node and Chromium only: the AWS SDK's own Cognito provider, as front-end apps use it.
const nodeAndBrowser = ["test/runtime-node-browser/**/*.test.ts"];

// Chromium: Debian's (see scripts/testing/chromium.ts). Missing on CI is an error; missing
// elsewhere leaves the project out, with one line saying how to install it.
function chromiumProjects(): TestProjectInlineConfiguration[] {
  if (!projectSelected("chromium")) return [];
  return chromiumAvailable("The chromium test project") ? [chromiumProject] : [];
}

const chromiumProject: TestProjectInlineConfiguration = {
  extends: true,
  // Serves /mockServiceWorker.js for MSW's setupWorker (worker only: no `virtual:msw` module).
  plugins: [msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run makes it reload the page,
  // which breaks the test files loading at that moment.
  optimizeDeps: {
    include: ["@aws-sdk/credential-provider-cognito-identity", "@aws-sdk/client-cognito-identity"],
  },
  resolve: {
    alias: transport("browser"),
    // The root's `resolve.conditions` replaces Vite's browser defaults: put them back.
    conditions: ["module", "browser", "development|production"],
  },
  test: {
    name: "chromium",
    include: [...portable, ...nodeAndBrowser],
    provide: { runtime: "chromium" },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      }),
      instances: [{ browser: "chromium", name: "chromium" }],
    },
  },
};

export default defineConfig({
  resolve: { conditions, alias: { "@vectors": vectors } },
  server: { fs: { allow: ["../..", vectors] } },
  ssr: { resolve: { conditions } },
  test: {
    // In every project (each runtime words its platform errors its own way): fails any test in
    // which a secret, a session token, a Body or CustomAttributes given to the client shows in
    // an error, a log line or console output (test/secrets/).
    setupFiles: ["test/secrets/guard.setup.ts"],
    projects: [
      {
        extends: true,
        resolve: { alias: transport("node") },
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          provide: { runtime: "node" },
        },
      },
      ...chromiumProjects(),
      {
        extends: true,
        plugins: [resolveAs("workerd"), cloudflareTest({ miniflare: WORKERD_MINIFLARE })],
        resolve: { alias: transport("fetch") },
        test: {
          name: "workerd",
          include: [...portable, ...faultMatrix],
          provide: { runtime: "workerd" },
        },
      },
      {
        extends: true,
        plugins: [resolveAs("edge")],
        resolve: { alias: transport("fetch") },
        test: {
          name: "edge",
          environment: "edge-runtime",
          include: [...portable, ...faultMatrix],
          provide: { runtime: "edge" },
        },
      },
    ],
  },
});
