import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import { render } from "solid-js/web";
import { App } from "./App";
import { startDemoMock } from "./mock";
import { demoClient } from "./sagemaker";

// The demo: the MSW mock plays SageMaker in the page, so no AWS account is needed.
await startDemoMock();
const queryClient = new QueryClient();
render(
  () => (
    <QueryClientProvider client={queryClient}>
      <App client={demoClient()} />
    </QueryClientProvider>
  ),
  document.getElementById("app") as HTMLElement,
);
