// The runtime configs the packages' Vitest configs share: how each runtime is set up, where the
// shared test files are, and the Chromium project that is left out where there is no Chromium.
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import type { TestProjectInlineConfiguration } from "vitest/config";
import type { InlineConfig } from "vitest/node";
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

/**
 * The `test` options of an example app: its tests in Chromium, as one project named `chromium`.
 * Missing on CI is an error; missing elsewhere leaves them out (no tests, still a pass), with one
 * line saying how to install it. `extra` goes into both.
 */
export function exampleChromiumTest(
  example: string,
  include: string[],
  extra: InlineConfig = {},
): InlineConfig {
  return chromiumAvailable(`The ${example} example's tests`)
    ? { name: "chromium", ...extra, include, browser: chromiumBrowser() }
    : { ...extra, include: [], passWithNoTests: true };
}

/** The resolve options of a browser project: the root's conditions replace Vite's defaults. */
export const BROWSER_CONDITIONS: string[] = ["module", "browser", "development|production"];

/** What makes a project run in workerd (Cloudflare's runtime) or Vercel's edge runtime. */
const WEB_RUNTIMES = {
  workerd: {
    plugins: () => [resolveAs("workerd"), cloudflareTest({ miniflare: WORKERD_MINIFLARE })],
    environment: undefined,
  },
  edge: { plugins: () => [resolveAs("edge")], environment: "edge-runtime" },
} as const;

/**
 * A project named after the web runtime it runs `include` in: workerd or the edge runtime,
 * neither with Node APIs. The runtime's name is `inject("runtime")`.
 */
export function webRuntimeProject(
  runtime: keyof typeof WEB_RUNTIMES,
  include: string[],
  extra: TestProjectInlineConfiguration = {},
): TestProjectInlineConfiguration {
  const { plugins, environment } = WEB_RUNTIMES[runtime];
  return {
    extends: true,
    ...extra,
    plugins: [...plugins(), ...(extra.plugins ?? [])],
    test: {
      name: runtime,
      ...(environment ? { environment } : {}),
      include,
      provide: { runtime },
      ...extra.test,
    },
  };
}
