import { defineConfig } from "vitest/config";

// Workspace packages resolve to their sources (the `@sagefetch/source` export condition), so
// tests run without a build and always test the code in the tree.
const conditions = ["@sagefetch/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  server: { fs: { allow: ["../.."] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["src/**/*.test.ts", "test/node/**/*.test.ts"],
        },
      },
    ],
  },
});
