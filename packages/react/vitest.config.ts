import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { msw } from "msw/vite";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = ["@sagefetch/source"];

/**
 * How the tests reach the MSW mock: in happy-dom the client is given a fetch that asks the
 * handlers directly (happy-dom's own fetch applies CORS to the page's origin, which the
 * service does not answer); in Chromium, MSW's service worker answers the real fetch.
 */
const transport = (name: "fetch" | "browser") => ({
  "#transport": fileURLToPath(new URL(`test/harness/transport.${name}.ts`, import.meta.url)),
});

// The hooks' logic, in a DOM (happy-dom) against the mock's handlers; the SSR tests
// pick the node environment themselves (no window).
const dom = [
  "src/**/*.test.{ts,tsx}",
  "test/dom/**/*.test.{ts,tsx}",
  "test/ssr/**/*.test.{ts,tsx}",
];

// Chromium: Debian's (Playwright's browser download cannot run here). Missing on CI is an error;
// missing elsewhere leaves the project out, with one line saying how to install it.
const chromium = "/usr/bin/chromium";
const installChromium = "apt-get update && apt-get install -y chromium";

function chromiumProjects(): TestProjectInlineConfiguration[] {
  if (existsSync(chromium)) return [chromiumProject];
  if (!selected("chromium")) return [];
  const ci = process.env.CI;
  if (ci && ci !== "false" && ci !== "0") {
    throw new Error(
      `The chromium test project needs ${chromium}, which is missing: install it with \`${installChromium}\` (as root).`,
    );
  }
  // Vitest evaluates this file more than once: say it once.
  const said = Symbol.for("sagefetch.chromium-missing");
  if (!(said in globalThis)) {
    Object.defineProperty(globalThis, said, { value: true });
    console.warn(
      `[vitest] chromium project left out: no ${chromium} (install: ${installChromium})`,
    );
  }
  return [];
}

/** Whether `--project` on the command line selects the project (no `--project`: all do). */
function selected(name: string): boolean {
  const patterns: string[] = [];
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--project" && argv[i + 1] !== undefined) patterns.push(argv[++i] ?? "");
    else if (arg.startsWith("--project=")) patterns.push(arg.slice("--project=".length));
  }
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`).test(
      name,
    );
  const include = patterns.filter((p) => !p.startsWith("!"));
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  if (exclude.some(matches)) return false;
  return include.length === 0 || include.some(matches);
}

const chromiumProject: TestProjectInlineConfiguration = {
  extends: true,
  // Serves /mockServiceWorker.js for MSW's setupWorker (worker only: no `virtual:msw` module).
  plugins: [msw({ mode: "worker-only" })],
  // Optimized before the run: a dependency Vite discovers mid-run makes it reload the page,
  // which breaks the test files loading at that moment.
  optimizeDeps: {
    include: [
      "react",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "react-dom",
      "react-dom/client",
      "@tanstack/react-query",
      "@testing-library/react",
      "@tanstack/react-query-devtools/production",
      "msw/browser",
    ],
  },
  resolve: {
    alias: transport("browser"),
    // The root's `resolve.conditions` replaces Vite's browser defaults: put them back.
    conditions: ["module", "browser", "development|production"],
  },
  test: {
    name: "chromium",
    provide: { react: "19" },
    include: ["test/browser/**/*.test.{ts,tsx}"],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: chromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      }),
      instances: [{ browser: "chromium", name: "chromium" }],
    },
  },
};

export default defineConfig({
  resolve: { conditions },
  server: { fs: { allow: ["../.."] } },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: transport("fetch") },
        test: { name: "dom", environment: "happy-dom", include: dom, provide: { react: "19" } },
      },
      {
        extends: true,
        resolve: { alias: transport("fetch") },
        test: {
          name: "react18",
          environment: "happy-dom",
          include: dom,
          provide: { react: "18" },
          // React 18 and its react-dom in place of 19, for every importer (see the file).
          setupFiles: ["test/harness/react18.mjs"],
        },
      },
      ...chromiumProjects(),
    ],
  },
});
