// The runtime configs the packages' Vitest configs share: how each runtime is set up, where the
// shared test files are, and the Chromium project that is left out where there is no Chromium.
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import type { TestProjectInlineConfiguration } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable, projectSelected } from "./chromium.ts";
import { resolveAs, WORKERD_MINIFLARE } from "./resolveAs.ts";

/** How the tests reach the MSW mock in a runtime: see `./transports/`. */
export type TransportName = "node" | "browser" | "fetch";

/**
 * Points `#transport` (which `./startMock` imports) at one runtime's transport: Node's
 * intercepting server, MSW's service worker in a browser, or a fetch that asks the handlers
 * directly (workerd, the edge runtime, happy-dom, whose own fetch applies CORS).
 */
export function transportAlias(name: TransportName): Record<string, string> {
  return { "#transport": fileURLToPath(new URL(`./transports/${name}.ts`, import.meta.url)) };
}

/** The public test vectors, with their licences: tests import them as `@vectors/...`. */
export const VECTORS_DIR: string = fileURLToPath(new URL("../vectors", import.meta.url));

/** This package's folder: Vite serves the shared test files from it to the browser. */
export const TESTING_DIR: string = fileURLToPath(new URL("..", import.meta.url));

/**
 * The `browser` options of a Chromium project: Debian's Chromium through Playwright, headless,
 * no screenshots of failures.
 */
export function chromiumBrowser(): NonNullable<TestProjectInlineConfiguration["test"]>["browser"] {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    }),
    instances: [{ browser: "chromium", name: "chromium" }],
  };
}

/**
 * `[project]` when Chromium is there and `--project` selects it; `[]` otherwise. Missing on CI
 * is an error; missing elsewhere leaves the project out, with one line saying how to install it.
 */
export function ifChromium(
  project: TestProjectInlineConfiguration & { test: { name: string } },
): TestProjectInlineConfiguration[] {
  const name = project.test.name;
  if (!projectSelected(name)) return [];
  return chromiumAvailable(`The ${name} test project`) ? [project] : [];
}

/** The resolve options of a browser project: the root's conditions replace Vite's defaults. */
export const BROWSER_CONDITIONS: string[] = ["module", "browser", "development|production"];

/** A project that runs `include` in workerd (Cloudflare's runtime), without Node APIs. */
export function workerdProject(
  include: string[],
  extra: TestProjectInlineConfiguration = {},
): TestProjectInlineConfiguration {
  return {
    extends: true,
    ...extra,
    plugins: [
      resolveAs("workerd"),
      cloudflareTest({ miniflare: WORKERD_MINIFLARE }),
      ...(extra.plugins ?? []),
    ],
    test: { name: "workerd", include, provide: { runtime: "workerd" }, ...extra.test },
  };
}

/** A project that runs `include` in Vercel's edge runtime. */
export function edgeProject(
  include: string[],
  extra: TestProjectInlineConfiguration = {},
): TestProjectInlineConfiguration {
  return {
    extends: true,
    ...extra,
    plugins: [resolveAs("edge"), ...(extra.plugins ?? [])],
    test: {
      name: "edge",
      environment: "edge-runtime",
      include,
      provide: { runtime: "edge" },
      ...extra.test,
    },
  };
}
