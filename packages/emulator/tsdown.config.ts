import { defineConfig } from "tsdown";

// @sagefetch/msw and msw stay dependencies, never bundled: one copy of the handlers.
const shared = {
  platform: "node",
  target: "node22",
  fixedExtension: false,
  sourcemap: false,
} as const;

export default defineConfig([
  // The library: `startEmulator`, its config parsers and the container model.
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, clean: true },
  // The `sagefetch-emulator` bin: ESM only, no types.
  { ...shared, entry: { cli: "src/cli.ts" }, format: ["esm"], dts: false, clean: false },
]);
