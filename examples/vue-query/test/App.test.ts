import { describeQueryExample } from "@sagefetch/testing/queryExample";
import { QueryClient, VueQueryPlugin } from "@tanstack/vue-query";
import { createApp } from "vue";
import { App } from "../src/App";
import { startDemoMock } from "../src/mock";
import { chatInput, demoClient } from "../src/sagemaker";

describeQueryExample({
  framework: "Vue Query",
  // With a fresh QueryClient, as main.ts does.
  mount(root, props) {
    const app = createApp(App, { client: props.client, slowMs: props.slowMs });
    app.use(VueQueryPlugin, { queryClient: new QueryClient() }).mount(root);
    return () => app.unmount();
  },
  startDemoMock,
  demoClient,
  chatInput,
});
