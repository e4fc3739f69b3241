import { mount } from "svelte";
import { startDemoMock } from "./mock";
import Root from "./Root.svelte";
import { demoClient } from "./sagemaker";

// The demo: the MSW mock plays SageMaker in the page, so no AWS account is needed.
await startDemoMock();
mount(Root, {
  target: document.getElementById("app") as HTMLElement,
  props: { client: demoClient() },
});
