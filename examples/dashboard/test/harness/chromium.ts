import { chromiumAvailable as available } from "@sagefetch/testing/chromium";

export { launchChromium } from "@sagefetch/testing/chromium";

/**
 * Whether Chromium is there. Missing in CI is an error; missing elsewhere skips the browser
 * tests, with one line saying how to install it.
 */
export function chromiumAvailable(): boolean {
  return available("The dashboard's end-to-end tests");
}
