import { QueryClient, VueQueryPlugin } from "@tanstack/vue-query";
import { createApp } from "vue";
import { App } from "./App";
import { startDemoMock } from "./mock";
import { demoClient } from "./sagemaker";

// The demo: the MSW mock plays SageMaker in the page, so no AWS account is needed.
await startDemoMock();
createApp(App, { client: demoClient() })
  .use(VueQueryPlugin, { queryClient: new QueryClient() })
  .mount("#app");
