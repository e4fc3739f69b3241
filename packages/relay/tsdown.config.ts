import { defineConfig } from "tsdown";

export default defineConfig({
  // Three entries: the forwarding relay, which imports nothing at run time; the signing relay,
  // which imports @sagefetch/core (an optional peer dependency, never bundled here); and the
  // Node adapter, which uses Node's types only (it calls the methods of the objects it is given).
  entry: { index: "src/index.ts", signing: "src/signing/index.ts", node: "src/node/index.ts" },
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
