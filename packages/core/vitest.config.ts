import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The public test vectors live in shared/ beside the repository (as in CI's clone).
const vectors = fileURLToPath(new URL("../../../shared/reference/vectors", import.meta.url));

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: { conditions, alias: { "@vectors": vectors } },
  server: { fs: { allow: ["../..", vectors] } },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: { "#transport": fileURLToPath(new URL("test/harness/transport.node.ts", import.meta.url)) } },
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        },
      },
    ],
  },
});
