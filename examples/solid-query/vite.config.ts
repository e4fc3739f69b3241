import { msw } from "msw/vite";
import { defaultClientConditions, defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  // Solid's JSX compiler, and /mockServiceWorker.js for the demo mock.
  plugins: [solid(), msw({ mode: "worker-only" })],
});
