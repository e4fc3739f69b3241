import { defineConfig } from "tsdown";

export default defineConfig({
  // Two entries: the forwarding relay, which imports nothing at run time, and the signing
  // relay, which imports @sagefetch/core (an optional peer dependency, never bundled here).
  entry: { index: "src/index.ts", signing: "src/signing/index.ts" },
  // Core's protocol tables (host suffixes, each operation's headers) are bundled in, so that
  // the relay reads the same tables as the client with no run-time dependency on core.
  deps: { alwaysBundle: ["@sagefetch/core/protocol"] },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
});
