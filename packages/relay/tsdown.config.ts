import { defineConfig } from "tsdown";

export default defineConfig({
  // Two entries: the forwarding relay, which imports nothing, and the signing relay, which
  // imports @sagefetch/core (an optional peer dependency, never bundled here).
  entry: { index: "src/index.ts", signing: "src/signing/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
});
