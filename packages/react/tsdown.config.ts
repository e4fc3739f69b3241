import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
  // Hooks and context only work in client components: marks the bundle for React Server
  // Components bundlers (Next.js app router), which then keep it out of the server graph.
  banner: ({ fileName }) => (/\.[cm]?js$/.test(fileName) ? '"use client";' : undefined),
});
