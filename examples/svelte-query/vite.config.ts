import { svelte } from "@sveltejs/vite-plugin-svelte";
import { msw } from "msw/vite";
import { defaultClientConditions, defineConfig } from "vite";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  // Svelte's compiler, and /mockServiceWorker.js for the demo mock.
  plugins: [svelte(), msw({ mode: "worker-only" })],
});
