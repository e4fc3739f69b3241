import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { mswWorker } from "./scripts/mswWorker.ts";

export default defineConfig({
  plugins: [react(), mswWorker()],
  // Workspace packages resolve to their sources (the `@sagefetch/source` export condition).
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  build: { target: "es2022" },
  preview: { port: 4173 },
});
