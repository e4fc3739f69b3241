import { describeQueryExample } from "@sagefetch/testing/queryExample";
import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import { render } from "solid-js/web";
import { App } from "../src/App";
import { startDemoMock } from "../src/mock";
import { chatInput, demoClient } from "../src/sagemaker";

describeQueryExample({
  framework: "Solid Query",
  // With a fresh QueryClient, as main.tsx does.
  mount(root, props) {
    const queryClient = new QueryClient();
    return render(
      () => (
        <QueryClientProvider client={queryClient}>
          <App client={props.client} slowMs={props.slowMs} />
        </QueryClientProvider>
      ),
      root,
    );
  },
  startDemoMock,
  demoClient,
  chatInput,
});
