import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

const WORKER = "mockServiceWorker.js";

/**
 * Serves MSW's worker script at `/mockServiceWorker.js` in development and writes it into the
 * build, from the installed `msw` (so it always matches the library, and no generated file is
 * checked in). `msw/vite` serves it in development only.
 */
export function mswWorker(): Plugin {
  const source = () =>
    readFileSync(createRequire(import.meta.url).resolve(`msw/${WORKER}`), "utf8");
  return {
    name: "sagefetch:msw-worker",
    configureServer(server) {
      server.middlewares.use(`/${WORKER}`, (_request, response) => {
        response.setHeader("Content-Type", "text/javascript");
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: WORKER, source: source() });
    },
  };
}
