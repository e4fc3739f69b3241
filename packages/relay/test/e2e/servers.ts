import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import type { RelayHandler } from "../../src/index";
import { toNodeHandler } from "../../src/node/index";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Bundles one of this folder's scripts as the given platform would load it. */
async function bundle(file: string, platform: "browser" | "neutral", conditions: string[]) {
  const result = await build({
    entryPoints: [here(file)],
    bundle: true,
    format: "esm",
    platform,
    conditions: ["@sagefetch/source", ...conditions],
    mainFields: ["browser", "module", "main"],
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** The relay in workerd, from worker.ts, on its own loopback origin. */
export async function startWorkerdRelay(upstream: string, pageOrigin: string): Promise<Running> {
  const script = await bundle("./worker.ts", "neutral", ["workerd", "worker", "browser"]);
  const mf = new Miniflare({
    modules: true,
    script,
    // Before nodejs_compat became the default: the relay runs with web APIs only.
    compatibilityDate: "2026-08-01",
    bindings: { UPSTREAM: upstream, PAGE_ORIGIN: pageOrigin },
    host: "127.0.0.1",
    port: 0,
  });
  const url = await mf.ready;
  return { url: url.origin, close: () => mf.dispose() };
}

/** The relay on Node's http server, as the README shows it: `toNodeHandler(relay)`. */
export async function startNodeRelay(handler: RelayHandler): Promise<Running> {
  return listen(toNodeHandler(handler));
}

/** A static server for the page: index.html and its bundled script. */
export async function startPageServer(): Promise<Running & { port: number }> {
  const script = await bundle("./page.ts", "browser", []);
  const html =
    '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>';
  const running = await listen((req, res) => {
    if (req.url === "/page.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  return { ...running, port: Number(new URL(running.url).port) };
}

async function listen(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<Running> {
  const server: Server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
