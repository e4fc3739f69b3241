// The client measurements in Debian's Chromium, side by side in one page: client cost per
// invoke (1 KiB body), stream decoding and time to first part, for sagefetch, the AWS SDK and
// aws4fetch as a page bundles them (bench/lib/chromium-page.mjs, bundled by esbuild for the
// browser; Chromium launched by playwright-core with the flags of @sagefetch/testing/chromium).
// The page is cross-origin isolated, so that performance.now() is precise to 5 µs.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inRuntime } from "./lib/runtimes.mjs";
import { isMain } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** `{ clientCost, streaming, firstPart, browser }`, each as its Node counterpart returns it. */
export async function measureInChromium() {
  return inRuntime("chromium", join(here, "lib", "chromium-page.mjs"), async (page) => {
    if (!(await page.call("isolated"))) throw new Error("the page is not cross-origin isolated");
    const clientCost = await page.call("measureThroughput");
    const streaming = await page.call("measureStreaming");
    const firstPart = await page.call("measureFirstPart");
    return { clientCost, streaming, firstPart, browser: page.version };
  });
}

if (isMain(import.meta.url)) {
  const { browser, ...results } = await measureInChromium();
  console.log(browser);
  for (const [measurement, byClient] of Object.entries(results)) {
    for (const [name, r] of Object.entries(byClient)) {
      console.log(
        `${measurement}: ${name}: ${r.median.toFixed(3)} (IQR ${r.p25.toFixed(3)}–${r.p75.toFixed(3)})`,
      );
    }
  }
}
