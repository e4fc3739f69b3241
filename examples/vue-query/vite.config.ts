import { msw } from "msw/vite";
import { defaultClientConditions, defineConfig } from "vite";

export default defineConfig({
  // Workspace packages from their sources; then the browser's usual conditions.
  resolve: { conditions: ["@sagefetch/source", ...defaultClientConditions] },
  // Vue's compile-time flags, set as a bundler would (Vue warns when they are not).
  define: {
    __VUE_OPTIONS_API__: "true",
    __VUE_PROD_DEVTOOLS__: "false",
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
  },
  // Serves /mockServiceWorker.js, the MSW worker the demo mock runs in.
  plugins: [msw({ mode: "worker-only" })],
});
