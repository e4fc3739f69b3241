import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

// Debian's Chromium: Playwright's own browser download cannot run here.
export const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";

const ci = process.env.CI;
const inCi = Boolean(ci) && ci !== "false" && ci !== "0";

/**
 * Whether Chromium is there. Missing in CI is an error; missing elsewhere skips the browser
 * tests, with one line saying how to install it.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (inCi) {
    throw new Error(
      `The dashboard's end-to-end tests need ${CHROMIUM}, which is missing: install it with \`${INSTALL}\` (as root).`,
    );
  }
  console.warn(`[e2e] dashboard tests skipped: no ${CHROMIUM} (install: ${INSTALL})`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}
