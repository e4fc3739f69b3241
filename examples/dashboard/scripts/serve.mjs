// `npm run demo` ends here: serve the built dashboard with Vite's preview server, in this
// process, until Ctrl-C. Builds first when there is no build (`--build` always rebuilds).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = new Set(process.argv.slice(2));
const hasDisplay =
  process.platform === "darwin" ||
  process.platform === "win32" ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
// Open a browser where there is a screen to show it on (never in CI; `--no-open` to skip).
const open = !args.has("--no-open") && !process.env.CI && hasDisplay;

if (args.has("--build") || !existsSync(`${root}/dist/index.html`)) {
  await build({ root, logLevel: "warn" });
}
const server = await preview({ root, logLevel: "warn", preview: { open } });
const url = server.resolvedUrls?.local[0] ?? "http://localhost:4173/";
console.log(`\n  sagefetch dashboard (demo mode, no AWS account needed): ${url}\n`);
console.log("  Press Ctrl-C to stop.\n");

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
