// One measurement module, bundled and run in each runtime sagefetch supports: Node, Debian's
// Chromium (driven by playwright-core), workerd (through miniflare) and the edge runtime
// (@edge-runtime/vm). The module exports async functions that return plain data; `open`
// bundles it as an app for that runtime would be bundled (esbuild, that runtime's export
// conditions) and gives back `call(name, ...args)`. Workspace packages are bundled from their
// sources (the `@sagefetch/source` condition): the code in the tree, no build needed.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { EdgeVM } from "@edge-runtime/vm";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@sagefetch/testing/chromium";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", ".out", "runtimes");
// The bundled workerd rejects compatibility dates after its own release.
const compatibilityDate = "2026-07-01";
// Served by Playwright itself: an https origin is a secure context (crypto.subtle exists).
const ORIGIN = "https://bench.sagefetch.test";

export const RUNTIMES = ["node", "chromium", "workerd", "edge"];

/** The conditions each runtime's bundler resolves packages with (workerd: as wrangler does). */
const TARGETS = {
  node: { platform: "node", conditions: ["node"], format: "esm" },
  chromium: { platform: "browser", conditions: ["browser"], format: "esm" },
  workerd: { platform: "browser", conditions: ["workerd", "worker", "browser"], format: "esm" },
  edge: { platform: "browser", conditions: ["edge-light", "worker", "browser"], format: "iife" },
};

async function bundle(entry, runtime) {
  const { platform, conditions, format } = TARGETS[runtime];
  const name = entry
    .split("/")
    .pop()
    .replace(/\.m?js$/, "");
  const outfile = join(outDir, runtime, `${name}.${format === "esm" ? "mjs" : "js"}`);
  mkdirSync(dirname(outfile), { recursive: true });
  // A Worker answers calls as requests; a page exposes the module as `globalThis.bench`.
  const page = `import * as bench from ${JSON.stringify(entry)};
globalThis.bench = bench;`;
  const worker = `import * as bench from ${JSON.stringify(entry)};
export default {
  async fetch(request) {
    const { name, args } = await request.json();
    try {
      return Response.json({ value: await bench[name](...args) });
    } catch (error) {
      return Response.json({ error: String(error?.stack ?? error) });
    }
  },
};`;
  await build({
    ...(runtime === "workerd" || runtime === "chromium"
      ? {
          stdin: {
            contents: runtime === "workerd" ? worker : page,
            resolveDir: here,
            loader: "js",
          },
        }
      : { entryPoints: [entry] }),
    bundle: true,
    format,
    globalName: format === "iife" ? "bench" : undefined,
    platform,
    conditions: ["@sagefetch/source", ...conditions],
    target: "es2022",
    outfile,
    // CommonJS dependencies of the Node build require Node's built-in modules.
    banner:
      runtime === "node"
        ? {
            js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
          }
        : undefined,
    logLevel: "error",
  });
  return outfile;
}

/** Bundles `entry` (an absolute path) for `runtime` and starts it. */
export async function open(runtime, entry) {
  const file = await bundle(entry, runtime);
  if (runtime === "node") {
    const module = await import(`${pathToFileURL(file).href}?${Date.now()}`);
    return { call: async (name, ...args) => module[name](...args), close: async () => {} };
  }
  if (runtime === "chromium") {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // Cross-origin isolated (COOP + COEP): performance.now() is then precise to 5 µs, not 100.
      const headers = {
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      };
      await page.route(`${ORIGIN}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === "/bench.js") {
          return route.fulfill({
            contentType: "text/javascript",
            headers,
            body: readFileSync(file, "utf8"),
          });
        }
        return route.fulfill({
          contentType: "text/html",
          headers,
          body: '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
        });
      });
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => globalThis.bench !== undefined);
      if (!(await page.evaluate(() => globalThis.isSecureContext))) {
        throw new Error("the bench page is not a secure context: crypto.subtle would be missing");
      }
      return {
        call: (name, ...args) =>
          page.evaluate(([name, args]) => globalThis.bench[name](...args), [name, args]),
        close: () => browser.close(),
        // The Playwright page, for a CPU profile through CDP when looking into a number.
        page,
        version: `Chromium ${browser.version()}`,
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  }
  if (runtime === "workerd") {
    const mf = new Miniflare({
      modules: true,
      script: readFileSync(file, "utf8"),
      compatibilityDate,
    });
    return {
      call: async (name, ...args) => {
        const response = await mf.dispatchFetch("http://localhost/", {
          method: "POST",
          body: JSON.stringify({ name, args }),
        });
        const { value, error } = await response.json();
        if (error) throw new Error(`in workerd: ${error}`);
        return value;
      },
      close: () => mf.dispose(),
    };
  }
  if (runtime === "edge") {
    const vm = new EdgeVM();
    vm.evaluate(readFileSync(file, "utf8"));
    const exports = vm.evaluate("bench");
    // Values from the sandbox's realm, copied into this one.
    return {
      call: async (name, ...args) => JSON.parse(JSON.stringify(await exports[name](...args))),
      close: async () => {},
    };
  }
  throw new Error(`unknown runtime ${runtime}`);
}

/** Opens `entry` in `runtime`, runs `use(runtime)` with it, and always closes it. */
export async function inRuntime(runtime, entry, use) {
  const opened = await open(runtime, entry);
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}
