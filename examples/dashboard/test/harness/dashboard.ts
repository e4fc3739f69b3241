import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { root } from "./app";

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 740 };

/** `UPDATE_SCREENSHOTS=1` writes the README's screenshots (CI leaves the tree alone). */
export const updateScreenshots = process.env.UPDATE_SCREENSHOTS === "1";

export interface Dashboard {
  context: BrowserContext;
  page: Page;
  /** Calls recorded so far (the history's length). */
  calls(): Promise<number>;
  /** Waits until the history holds `count` calls. */
  waitForCalls(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context (so a fresh demo mock) on the dashboard, ready to send. */
export async function openDashboard(
  browser: Browser,
  url: string,
  viewport = DESKTOP,
): Promise<Dashboard> {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole("button", { name: "Send", exact: true }).waitFor();
  const count = () => page.locator(".history-item").count();
  return {
    context,
    page,
    calls: count,
    waitForCalls: (n) =>
      page.waitForFunction((n) => document.querySelectorAll(".history-item").length >= n, n, {
        timeout: 20_000,
      }) as unknown as Promise<void>,
    async close() {
      await context.close();
      if (errors.length > 0) throw new Error(`Errors in the page: ${errors.join("; ")}`);
    },
  };
}

export interface InvokeOptions {
  endpoint: string;
  kind?: "JSON" | "CSV" | "Text" | "Image";
  body?: string;
  customAttributes?: string;
}

/** Fills the Invoke form, sends, and waits for the call to be recorded. */
export async function invoke(dashboard: Dashboard, options: InvokeOptions): Promise<Locator> {
  const { page } = dashboard;
  const before = await dashboard.calls();
  await page.getByLabel("Endpoint", { exact: true }).selectOption(options.endpoint);
  if (options.kind) await contentType(page, options.kind).check();
  if (options.body !== undefined) await page.getByLabel(/^Body/).fill(options.body);
  if (options.customAttributes !== undefined) {
    await page.getByLabel("Custom attributes").fill(options.customAttributes);
  }
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await dashboard.waitForCalls(before + 1);
  return page.locator("section.result");
}

/** The content type radio button of a kind: "JSON (application/json)", "CSV (text/csv)", … */
export function contentType(page: Page, kind: NonNullable<InvokeOptions["kind"]>): Locator {
  return page.getByRole("radio", { name: new RegExp(`^${kind} \\(`) });
}

/** The text as rendered, line breaks between blocks included: what a person reads. */
export function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, the rendered text
  return locator.innerText();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!updateScreenshots) return;
  // The chart loads with the first call: wait for it.
  await page.waitForFunction(() => !document.querySelector(".chart-placeholder"));
  const dir = join(root, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: "disabled" });
}
