import { defineConfig } from "tsdown";

export default defineConfig({
  // Three entries: the forwarding relay, which imports nothing; the signing relay, which
  // imports @sagefetch/core (an optional peer dependency, never bundled here); and the Node
  // adapter, which uses Node's types only (it calls the methods of the objects it is given).
  entry: { index: "src/index.ts", signing: "src/signing/index.ts", node: "src/node/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: false,
  clean: true,
});
