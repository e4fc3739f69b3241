// Test infrastructure shared by the packages' Vitest configs and end-to-end harnesses: where
// Chromium is, how to launch it here, and what to do when it is missing.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium: Playwright's own browser download cannot run on these machines. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium";
export const CHROMIUM_ARGS: string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Launches Debian's Chromium with the flags above, for tests that drive pages themselves. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Whether tests that need Chromium can run. Missing on CI (`CI` set) is an error; missing
 * elsewhere is a skip, said once per process with the line that installs it.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const ci = process.env.CI;
  if (ci && ci !== "false" && ci !== "0") {
    throw new Error(
      `${what} needs ${CHROMIUM_PATH}, which is missing: install it with \`${INSTALL_CHROMIUM}\` (as root).`,
    );
  }
  // Vitest evaluates a config more than once: say it once.
  const said = Symbol.for(`sagefetch.chromium-missing:${what}`);
  if (!(said in globalThis)) {
    Object.defineProperty(globalThis, said, { value: true });
    console.warn(`${what} left out: no ${CHROMIUM_PATH} (install: ${INSTALL_CHROMIUM})`);
  }
  return false;
}

/** Whether `--project` on the command line selects the project (no `--project`: all do). */
export function projectSelected(name: string): boolean {
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
