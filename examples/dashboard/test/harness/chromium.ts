import {
  chromiumAvailable as available,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
} from "@sagefetch/testing/chromium";
import { type Browser, chromium } from "playwright-core";

/**
 * Whether Chromium is there. Missing in CI is an error; missing elsewhere skips the browser
 * tests, with one line saying how to install it.
 */
export function chromiumAvailable(): boolean {
  return available("The dashboard's end-to-end tests");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
