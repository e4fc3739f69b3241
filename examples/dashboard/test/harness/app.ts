import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type PreviewServer, preview } from "vite";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const packages = fileURLToPath(new URL("../../../../packages", import.meta.url));

/** What the build is made from: the app and the workspace packages it bundles from source. */
const sources = [
  join(root, "src"),
  join(root, "index.html"),
  join(root, "public"),
  join(root, "vite.config.ts"),
  join(root, "scripts"),
  ...["ai", "core", "msw", "react"].map((name) => join(packages, name, "src")),
];

function newest(path: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the app unless `dist` is newer than everything it is made from (turbo built it). */
export async function buildIfStale(): Promise<void> {
  const built = newest(join(root, "dist", "index.html"));
  if (built > 0 && built >= Math.max(...sources.map(newest))) return;
  // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root, logLevel: "warn", mode: "production" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Vite's preview server on the built app, in this process, on a free port. */
export async function startPreview(): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    root,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("The preview server reported no URL");
  return { url, server };
}
