import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The public test vectors live in shared/ beside the repository (as in CI's clone).
const vectors = fileURLToPath(new URL("../../../shared/reference/vectors", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@vectors": vectors } },
  server: { fs: { allow: ["../..", vectors] } },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
