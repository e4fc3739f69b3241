import { defineConfig } from "tsdown";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    sigv4: "src/sigv4/index.ts",
    // Node only (node:http): `@sagefetch/msw/emulator` and the `sagefetch-emulator` bin.
    "emulator-server": "src/emulator/index.ts",
    emulator: "src/emulator/cli.ts",
  },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  deps: { neverBundle: [/^node:/] },
  dts: true,
  sourcemap: false,
  clean: true,
});
